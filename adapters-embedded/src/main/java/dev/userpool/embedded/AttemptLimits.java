package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Cognito's per-user limits on code operations, over a sliding hour. They cap how often a 6-digit
 * code can be guessed, and how much mail one address can be made to receive.
 */
final class AttemptLimits {
    static final Duration WINDOW = Duration.ofHours(1);
    static final String LIMIT_EXCEEDED = "Attempt limit exceeded, please try after some time.";

    private AttemptLimits() {}

    enum Action {
        CONFIRM_SIGN_UP(15),
        RESEND_CONFIRMATION_CODE(5),
        FORGOT_PASSWORD(5),
        // Not in DESIGN §2's table: without it a reset code could be guessed without limit for its hour.
        CONFIRM_FORGOT_PASSWORD(15),
        // changing or verifying the address, as sending and checking sign-up codes
        SEND_EMAIL_CODE(5),
        VERIFY_EMAIL(15);

        final int perHour;

        Action(int perHour) {
            this.perHour = perHour;
        }
    }

    /**
     * Counts one attempt, or throws {@code LimitExceeded} when the hour's allowance is spent. A refused
     * attempt is not counted, so waiting always ends the refusal.
     */
    static void take(Connection c, UserId user, Action action, Instant now) throws SQLException {
        long windowStart = now.minus(WINDOW).toEpochMilli();
        try (PreparedStatement p = c.prepareStatement("DELETE FROM attempts WHERE user_id = ? AND action = ? AND at <= ?")) {
            p.setString(1, user.value());
            p.setString(2, action.name());
            p.setLong(3, windowStart);
            p.executeUpdate();
        }
        int used;
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM attempts WHERE user_id = ? AND action = ?")) {
            p.setString(1, user.value());
            p.setString(2, action.name());
            try (ResultSet rs = p.executeQuery()) {
                used = rs.next() ? rs.getInt(1) : 0;
            }
        }
        if (used >= action.perHour) throw new UserPoolException(ErrorCode.LIMIT_EXCEEDED, LIMIT_EXCEEDED);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO attempts (user_id, action, at) VALUES (?, ?, ?)")) {
            p.setString(1, user.value());
            p.setString(2, action.name());
            p.setLong(3, now.toEpochMilli());
            p.executeUpdate();
        }
    }
}
