package dev.userpool.core.port.out;

import dev.userpool.core.domain.EmailMessage;
import java.util.Objects;

/**
 * Hands one message to a mail server and says what the server made of it. Unlike a {@link Mailer},
 * a transport may fail for a while: whoever drives it (a durable outbox) keeps the message and
 * decides when to try again. A transport never throws for a failed hand-over; it answers one of the
 * {@link Outcome}s, with the server's reply where there was one (never a credential).
 */
public interface MailTransport {

    Outcome send(EmailMessage message);

    /** What became of one hand-over. */
    sealed interface Outcome {
        /** The server's reply, or what went wrong on the way when there was none. */
        String reply();
    }

    /** The server took responsibility for the message: it is not sent again. */
    record Accepted(String reply) implements Outcome {
        public Accepted {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Worth trying again later: a 4xx reply, no connection, a time-out, a login the server refused. */
    record Deferred(String reply) implements Outcome {
        public Deferred {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The server refused this message for good (a 5xx reply to it): trying again would not help. */
    record Rejected(String reply) implements Outcome {
        public Rejected {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
