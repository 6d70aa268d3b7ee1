package dev.userpool.core.domain;

import java.util.Objects;

/**
 * An email somebody composed, ready to deliver. It may carry a code in its bodies, so
 * {@link #toString()} shows only the recipient, kind and subject.
 */
public record EmailMessage(EmailAddress to, Kind kind, String subject, String textBody, String htmlBody) {
    public enum Kind {
        CONFIRMATION_CODE, PASSWORD_RESET_CODE, VERIFICATION_LINK,
        PASSWORD_CHANGED, PASSWORD_RESET, ACCOUNT_DELETED
    }

    public EmailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
    }

    @Override
    public String toString() {
        return "EmailMessage[to=" + to.masked() + ", kind=" + kind + ", subject=" + subject + "]";
    }
}
