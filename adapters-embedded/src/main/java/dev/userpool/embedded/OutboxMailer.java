package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.Mailer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} that sends nothing: every message is kept in the {@code outbox} table, where the
 * app's mailbox page shows it, and one log line says a message arrived and where to read it. The
 * line names the code only when {@code logCodes} is on (a developer's own machine).
 */
public final class OutboxMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);
    /** Where the app shows the outbox. */
    public static final String MAILBOX_PAGE = "/mailbox.html";
    static final int MAX_LISTED = 200;

    private final EmbeddedDatabase db;
    private final Clock clock;
    private final boolean logCodes;

    public OutboxMailer(EmbeddedDatabase db, Clock clock, boolean logCodes) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logCodes = logCodes;
    }

    @Override
    public void deliver(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        Instant now = clock.instant();
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO outbox"
                    + " (recipient, kind, subject, text_body, html_body, sent_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, message.to().value());
                p.setString(2, message.kind().name());
                p.setString(3, message.subject());
                p.setString(4, message.textBody());
                p.setString(5, message.htmlBody());
                p.setLong(6, now.toEpochMilli());
                return p.executeUpdate();
            }
        });
        LOG.info(logLine(message));
    }

    String logLine(EmailMessage message) {
        String what = describe(message.kind()) + " for " + message.to().masked();
        if (logCodes && message.oneTimeCode().isPresent()) {
            return what + ": " + message.oneTimeCode().get() + " (also in " + MAILBOX_PAGE + ")";
        }
        return what + ": see " + MAILBOX_PAGE;
    }

    private static String describe(EmailMessage.Kind kind) {
        return switch (kind) {
            case CONFIRMATION_CODE -> "Verification code";
            case PASSWORD_RESET_CODE -> "Password reset code";
            case VERIFICATION_LINK -> "Verification link";
            case PASSWORD_CHANGED -> "Password-changed notice";
            case PASSWORD_RESET -> "Password-reset notice";
            case ACCOUNT_DELETED -> "Account-deleted notice";
        };
    }

    /** Messages to one address, newest first. */
    public List<StoredEmail> messagesTo(EmailAddress to) {
        Objects.requireNonNull(to, "to");
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT
                    + " WHERE recipient = ? ORDER BY sent_at DESC, id DESC LIMIT " + MAX_LISTED)) {
                p.setString(1, to.value());
                return readAll(p);
            }
        });
    }

    /** The latest messages to anyone, newest first (the mailbox page's list). */
    public List<StoredEmail> latest(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " ORDER BY sent_at DESC, id DESC LIMIT ?")) {
                p.setInt(1, Math.min(limit, MAX_LISTED));
                return readAll(p);
            }
        });
    }

    private static final String SELECT = "SELECT id, recipient, kind, subject, text_body, html_body, sent_at FROM outbox";

    private static List<StoredEmail> readAll(PreparedStatement p) throws SQLException {
        List<StoredEmail> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEmail(rs.getLong("id"), new EmailAddress(rs.getString("recipient")),
                        EmailMessage.Kind.valueOf(rs.getString("kind")), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"),
                        Instant.ofEpochMilli(rs.getLong("sent_at"))));
            }
        }
        return out;
    }
}
