package dev.userpool.app.http;

import dev.userpool.core.domain.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What only a self-hosted pool can serve: its signing keys, its development mailbox and its own
 * verification links. With Cognito or SES behind the ports these are absent and their routes answer 404.
 * {@code passwordHashing} says, for {@code /health}, how the pool hashes passwords (engine and cost,
 * e.g. {@code libsodium argon2id m=19456 t=2 p=1}); absent when Cognito holds the passwords.
 */
public record LocalEndpoints(Optional<Supplier<String>> jwksJson, Optional<Mailbox> mailbox,
                             Optional<LinkCallback> linkCallback, Optional<String> passwordHashing) {

    public static LocalEndpoints none() {
        return new LocalEndpoints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The messages "sent" to an address, newest first. */
    public interface Mailbox {
        List<Message> messagesTo(EmailAddress to);
    }

    public record Message(long id, String to, String kind, String subject, String textBody, String htmlBody,
                          Instant sentAt) {}

    /** Completes a verification link; the address it verified, if the token was good. */
    public interface LinkCallback {
        Optional<EmailAddress> complete(String token);
    }
}
