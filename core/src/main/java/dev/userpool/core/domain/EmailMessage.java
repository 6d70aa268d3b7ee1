package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * An email somebody composed, ready to deliver. A code message also names its code apart from the
 * bodies, so a development outbox may show it; {@link #toString()} shows only recipient, kind and subject.
 */
public record EmailMessage(EmailAddress to, Kind kind, String subject, String textBody, String htmlBody,
                           Optional<String> oneTimeCode) {
    public enum Kind {
        CONFIRMATION_CODE, PASSWORD_RESET_CODE, VERIFICATION_LINK,
        PASSWORD_CHANGED, PASSWORD_RESET, ACCOUNT_DELETED,
        /** An administrator created the account: the temporary password and where to sign in. */
        INVITATION,
        // changing the address: the code to the new one, and the notice to the old one once it is done
        EMAIL_CHANGE_CODE, EMAIL_CHANGED,
        /** Issue 14: the one-time code of a choice-based sign-in (EMAIL_OTP). */
        SIGN_IN_CODE
    }

    public EmailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        Objects.requireNonNull(oneTimeCode, "oneTimeCode");
    }

    /** A message without a code (notifications). */
    public EmailMessage(EmailAddress to, Kind kind, String subject, String textBody, String htmlBody) {
        this(to, kind, subject, textBody, htmlBody, Optional.empty());
    }

    @Override
    public String toString() {
        return "EmailMessage[to=" + to.masked() + ", kind=" + kind + ", subject=" + subject + "]";
    }
}
