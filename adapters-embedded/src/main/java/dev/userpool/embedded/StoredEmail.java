package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * A message the outbox holds in place of sending it. It may hold a code or link in its bodies: it is
 * shown only to the person reading the local mailbox, and {@link #toString()} leaves the bodies out.
 */
public record StoredEmail(long id, EmailAddress to, EmailMessage.Kind kind, String subject, String textBody,
                          String htmlBody, Instant sentAt) {
    public StoredEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public String toString() {
        return "StoredEmail[id=" + id + ", to=" + to.masked() + ", kind=" + kind + ", subject=" + subject
                + ", sentAt=" + sentAt + "]";
    }
}
