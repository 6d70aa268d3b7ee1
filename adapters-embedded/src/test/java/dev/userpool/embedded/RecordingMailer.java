package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.Mailer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every message it is handed (codes included) and passes it on, so tests can read what was sent. */
final class RecordingMailer implements Mailer {
    private final Mailer next;
    private final List<EmailMessage> delivered = new CopyOnWriteArrayList<>();

    RecordingMailer(Mailer next) {
        this.next = next;
    }

    @Override
    public void deliver(EmailMessage message) {
        next.deliver(message);
        delivered.add(message);
    }

    List<EmailMessage> delivered() {
        return List.copyOf(delivered);
    }

    Optional<EmailMessage> lastTo(EmailAddress to, EmailMessage.Kind kind) {
        for (int i = delivered.size() - 1; i >= 0; i--) {
            EmailMessage m = delivered.get(i);
            if (m.to().equals(to) && m.kind() == kind) return Optional.of(m);
        }
        return Optional.empty();
    }

    /** The code (or link) of the last message to {@code to} that carried one. */
    String lastCode(EmailAddress to) {
        for (int i = delivered.size() - 1; i >= 0; i--) {
            EmailMessage m = delivered.get(i);
            if (m.to().equals(to) && m.oneTimeCode().isPresent()) return m.oneTimeCode().get();
        }
        throw new AssertionError("no code was sent to " + to.masked());
    }

    /** The code of the last message of {@code kind} to {@code to}; fails the test when there is none. */
    String lastCode(EmailAddress to, EmailMessage.Kind kind) {
        return lastTo(to, kind).flatMap(EmailMessage::oneTimeCode)
                .orElseThrow(() -> new AssertionError("no " + kind + " message was sent to " + to.masked()));
    }
}
