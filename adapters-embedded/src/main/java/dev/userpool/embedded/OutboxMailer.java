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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} that writes every message to the {@code outbox} table first. Built with
 * {@link #OutboxMailer(EmbeddedDatabase, Clock, boolean)} it sends nothing: the message is kept for the
 * app's mailbox page, and one log line says a message arrived and where to read it. Built with
 * {@link #forDelivery} the row is queued for an {@link OutboxDelivery}, which hands it to a mail server
 * and keeps it until the server accepted it; {@code deliver} returns once the row is committed. The
 * log line names the code only when {@code logCodes} is on (a developer's own machine).
 */
public final class OutboxMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);
    /** Where the app shows the outbox. */
    public static final String MAILBOX_PAGE = "/mailbox.html";
    static final int MAX_LISTED = 200;

    private final EmbeddedDatabase db;
    private final Clock clock;
    private final boolean logCodes;
    /** Told after a message was queued for delivery; empty when messages are only kept. */
    private final Optional<Runnable> queued;

    /** Keeps every message for the development mailbox; nothing is ever sent. */
    public OutboxMailer(EmbeddedDatabase db, Clock clock, boolean logCodes) {
        this(db, clock, logCodes, Optional.empty());
    }

    private OutboxMailer(EmbeddedDatabase db, Clock clock, boolean logCodes, Optional<Runnable> queued) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logCodes = logCodes;
        this.queued = Objects.requireNonNull(queued, "queued");
    }

    /**
     * Queues every message for delivery ({@link OutboxQueue.State#PENDING}); {@code queued} is run after
     * each one is committed (to wake the {@link OutboxDelivery}), and must not block.
     */
    public static OutboxMailer forDelivery(EmbeddedDatabase db, Clock clock, boolean logCodes, Runnable queued) {
        return new OutboxMailer(db, clock, logCodes, Optional.of(Objects.requireNonNull(queued, "queued")));
    }

    @Override
    public void deliver(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        Instant now = clock.instant();
        OutboxQueue.State state = queued.isPresent() ? OutboxQueue.State.PENDING : OutboxQueue.State.KEPT;
        long id = db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO outbox (recipient, kind, subject, text_body,"
                    + " html_body, sent_at, state, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, message.to().value());
                p.setString(2, message.kind().name());
                p.setString(3, message.subject());
                p.setString(4, message.textBody());
                p.setString(5, message.htmlBody());
                p.setLong(6, now.toEpochMilli());
                p.setString(7, state.name());
                if (state == OutboxQueue.State.PENDING) p.setLong(8, now.toEpochMilli());
                else p.setNull(8, java.sql.Types.INTEGER);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        LOG.info(logLine(message, id));
        queued.ifPresent(Runnable::run);
    }

    String logLine(EmailMessage message) {
        return logLine(message, 0);
    }

    private String logLine(EmailMessage message, long id) {
        String what = describe(message.kind()) + " for " + message.to().masked();
        // An invitation's "code" is a temporary password: never logged, even with codes logged.
        Optional<String> shown = logCodes && message.kind() != EmailMessage.Kind.INVITATION
                ? message.oneTimeCode() : Optional.empty();
        if (queued.isPresent()) {
            String code = shown.map(c -> ": " + c + ",").orElse("");
            return what + code + " queued for delivery (mail #" + id + ")";
        }
        if (shown.isPresent()) {
            return what + ": " + shown.get() + " (also in " + MAILBOX_PAGE + ")";
        }
        return what + ": see " + MAILBOX_PAGE;
    }

    static String describe(EmailMessage.Kind kind) {
        return switch (kind) {
            case CONFIRMATION_CODE -> "Verification code";
            case PASSWORD_RESET_CODE -> "Password reset code";
            case VERIFICATION_LINK -> "Verification link";
            case PASSWORD_CHANGED -> "Password-changed notice";
            case PASSWORD_RESET -> "Password-reset notice";
            case ACCOUNT_DELETED -> "Account-deleted notice";
            case INVITATION -> "Invitation";
            case EMAIL_CHANGE_CODE -> "Address-change code";
            case EMAIL_CHANGED -> "Address-changed notice";
            case SIGN_IN_CODE -> "Sign-in code";
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
