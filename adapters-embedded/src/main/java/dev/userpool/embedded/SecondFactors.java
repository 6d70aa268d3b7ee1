package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaAnswer;
import dev.userpool.core.domain.MfaMode;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The second step of the embedded sign-in (issue 14): whether a proven password leads to a second factor
 * ({@link #asked}), and the check of its answer ({@link #check}) — the challenge's session taken once, the
 * lockout consulted and fed like a wrong password, the app's code checked (±1 step) and its step spent.
 * Runs inside the {@link SqliteAuthenticator}'s transactions.
 */
final class SecondFactors {
    static final String WRONG_CODE = "Invalid code received for user";
    static final String NOT_SET_UP = "Software Token MFA does not exist for the user.";

    private final EmbeddedDatabase db;
    private final MfaMode mode;
    private volatile SecretSealer sealer;   // made on first need: a pool with MFA off keeps no key file

    SecondFactors(EmbeddedDatabase db, MfaMode mode) {
        this.db = Objects.requireNonNull(db, "db");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The challenge a right password of this account leads to, if any. */
    Optional<MfaRequired.Kind> asked(Connection c, UserId id) throws SQLException {
        if (mode == MfaMode.OFF) return Optional.empty();
        MfaSettings settings = SoftwareTokenRows.settings(c, id);
        if (settings.needsSetup(mode)) return Optional.of(MfaRequired.Kind.MFA_SETUP);
        if (settings.asksCodeAtSignIn(mode)) return Optional.of(MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
        return Optional.empty();
    }

    /** How an answer fared; a refusal is thrown once the transaction that spent the session committed. */
    enum Check {
        PASSED, INVALID_SESSION, EXPIRED_SESSION, LOCKED, WRONG_CODE, NOT_SET_UP;

        void throwIfRefused(Principal account) {
            switch (this) {
                case PASSED -> { }
                case INVALID_SESSION -> throw UserPoolException.notAuthorized(NewPasswordSessions.INVALID).passwordChecked(false);
                case EXPIRED_SESSION -> throw UserPoolException.notAuthorized(NewPasswordSessions.EXPIRED).passwordChecked(false);
                case LOCKED -> throw UserPoolException.notAuthorized(SignInLockout.LOCKED).passwordChecked(false).concerning(account);
                case WRONG_CODE -> throw new UserPoolException(ErrorCode.CODE_MISMATCH, SecondFactors.WRONG_CODE).concerning(account);
                case NOT_SET_UP -> throw new UserPoolException(ErrorCode.SOFTWARE_TOKEN_MFA_NOT_FOUND, SecondFactors.NOT_SET_UP)
                        .passwordChecked(false).concerning(account);
            }
        }
    }

    Check check(Connection c, MfaAnswer answer, Instant now) throws SQLException {
        UserId id = answer.user().id();
        MfaChallenges.Check taken = MfaChallenges.take(c, answer.session(), id, answer.kind(), now);
        if (taken == MfaChallenges.Check.INVALID) return Check.INVALID_SESSION;
        if (taken == MfaChallenges.Check.EXPIRED) return Check.EXPIRED_SESSION;
        Optional<SoftwareTokenRows.Row> row = SoftwareTokenRows.of(c, id).filter(r -> r.secret().isPresent());
        if (answer.kind() == MfaRequired.Kind.MFA_SETUP) return row.isPresent() ? Check.PASSED : Check.NOT_SET_UP;
        if (SignInLockout.state(c, id, now).locked()) {
            SignInLockout.refusesAttempt(c, id, now);
            return Check.LOCKED;
        }
        if (row.isEmpty()) return Check.NOT_SET_UP;
        byte[] secret = sealer().open(row.get().secret().get(), id.value());
        Optional<Long> step = Totp.matchingStep(secret, answer.code().orElseThrow(), now);
        // A step already accepted (or older) is a replay: the code was seen, maybe by someone else.
        if (step.isEmpty() || step.get() <= row.get().lastStep()) {
            SignInLockout.recordFailure(c, id, now);
            return Check.WRONG_CODE;
        }
        SoftwareTokenRows.spendStep(c, id, step.get());
        return Check.PASSED;
    }

    private SecretSealer sealer() {
        SecretSealer s = sealer;
        if (s == null) {
            s = SecretSealer.beside(db);
            sealer = s;
        }
        return s;
    }
}
