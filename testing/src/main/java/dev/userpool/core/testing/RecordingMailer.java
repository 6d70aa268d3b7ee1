package dev.userpool.core.testing;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.Mailer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Mailer} that keeps what it delivers; it can be told to fail, as a real one does when its service is down. */
public final class RecordingMailer implements Mailer {
    private final List<EmailMessage> delivered = new CopyOnWriteArrayList<>();
    private volatile Optional<ErrorCode> failure = Optional.empty();

    @Override
    public void deliver(EmailMessage message) {
        Optional<ErrorCode> f = failure;
        if (f.isPresent()) throw new UserPoolException(f.get(), "The mailer is failing on purpose (test).");
        delivered.add(message);
    }

    /** From now on every delivery fails with {@code code} and nothing is kept. */
    public void failWith(ErrorCode code) {
        failure = Optional.of(code);
    }

    /** From now on deliveries succeed again. */
    public void recover() {
        failure = Optional.empty();
    }

    /** Every message delivered, oldest first. */
    public List<EmailMessage> delivered() {
        return List.copyOf(delivered);
    }

    public List<EmailMessage> deliveredTo(EmailAddress to) {
        return delivered.stream().filter(m -> m.to().equals(to)).toList();
    }

    public Optional<EmailMessage> lastTo(EmailAddress to) {
        List<EmailMessage> mine = deliveredTo(to);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }
}
