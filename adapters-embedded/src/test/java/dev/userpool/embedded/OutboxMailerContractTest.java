package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.contract.MailerContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The mailer contract on {@link OutboxMailer}: "delivered" means kept in the outbox table. */
class OutboxMailerContractTest extends MailerContract {
    @TempDir
    Path dir;
    private EmbeddedDatabase db;
    private OutboxMailer outbox;

    @BeforeEach
    void open() {
        db = EmbeddedDatabase.open(dir.resolve("outbox.db"));
        outbox = new OutboxMailer(db, MutableClock.at("2030-01-01T00:00:00Z"), false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected Mailer mailer() {
        return outbox;
    }

    @Override
    protected List<Delivered> deliveredTo(EmailAddress to) {
        return outbox.messagesTo(to).stream().map(m -> new Delivered(m.subject(), m.textBody(), m.htmlBody())).toList();
    }
}
