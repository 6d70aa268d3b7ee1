package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaMode;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.SoftwareTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded directory's authenticator apps: secrets made here ({@link Totp}), stored sealed
 * ({@link SecretSealer}), checked with java-otp's RFC 6238 codes. The sign-in's second step, which shares
 * the table, is the {@link SqliteAuthenticator}'s.
 */
public final class SqliteSoftwareTokens implements SoftwareTokens {
    /** Cognito's answer to a wrong code while setting an app up (EnableSoftwareTokenMFAException). */
    static final String CODE_MISMATCH = "Code mismatch and fail enable Software Token MFA";
    static final String MFA_OFF = "Software token MFA is not enabled for this user pool (USERPOOL_MFA=off).";

    private final EmbeddedDatabase db;
    private final java.util.function.Supplier<SecretSealer> sealerSource;
    private volatile SecretSealer sealer;   // made on first need: a pool where nobody sets an app up keeps no key file
    private final MfaMode mode;
    private final Clock clock;

    SqliteSoftwareTokens(EmbeddedDatabase db, SecretSealer sealer, MfaMode mode, Clock clock) {
        this(db, () -> sealer, mode, clock);
        Objects.requireNonNull(sealer, "sealer");
    }

    private SqliteSoftwareTokens(EmbeddedDatabase db, java.util.function.Supplier<SecretSealer> sealer, MfaMode mode, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.sealerSource = Objects.requireNonNull(sealer, "sealer");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With the key file beside the database ({@link SecretSealer#beside}). */
    public static SqliteSoftwareTokens open(EmbeddedDatabase db, MfaMode mode, Clock clock) {
        return new SqliteSoftwareTokens(db, () -> SecretSealer.beside(db), mode, clock);
    }

    @Override
    public SoftwareTokenSecret associate(UserId user) {
        requireOn();
        byte[] secret = Totp.newSecret();
        byte[] sealed = sealer().seal(secret, user.value());
        db.transaction(c -> {
            requireAccount(c, user);
            SoftwareTokenRows.savePending(c, user, sealed);
            return null;
        });
        return Totp.shown(secret);
    }

    @Override
    public MfaSettings verify(UserId user, TotpCode code) {
        Objects.requireNonNull(code, "code");
        requireOn();
        Instant now = clock.instant();
        // The check and the promotion in one transaction: two verifications of one code cannot both pass.
        Optional<MfaSettings> verified = db.transaction(c -> {
            requireAccount(c, user);
            SoftwareTokenRows.Row row = SoftwareTokenRows.of(c, user).filter(r -> r.pendingSecret().isPresent())
                    .orElseThrow(() -> UserPoolException.invalidParameter("UserCode",
                            "no software token is being set up: call AssociateSoftwareToken first"));
            byte[] secret = sealer().open(row.pendingSecret().get(), user.value());
            Optional<Long> step = Totp.matchingStep(secret, code, now);
            if (step.isEmpty()) return Optional.<MfaSettings>empty();
            SoftwareTokenRows.promotePending(c, user, step.get());
            return Optional.of(SoftwareTokenRows.settings(c, user));
        });
        return verified.orElseThrow(() -> new UserPoolException(ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA, CODE_MISMATCH));
    }

    @Override
    public MfaSettings settings(UserId user) {
        return db.read(c -> {
            requireAccount(c, user);
            return SoftwareTokenRows.settings(c, user);
        });
    }

    @Override
    public MfaSettings setPreference(UserId user, SoftwareTokenPreference choice) {
        Objects.requireNonNull(choice, "choice");
        return db.transaction(c -> {
            requireAccount(c, user);
            MfaSettings after = SoftwareTokenRows.settings(c, user).with(choice, mode);   // ON: a verified app stays on
            SoftwareTokenRows.savePreference(c, user, after);
            return after;
        });
    }

    @Override
    public boolean remove(UserId user) {
        return db.transaction(c -> {
            requireAccount(c, user);
            return SoftwareTokenRows.delete(c, user);
        });
    }

    private void requireOn() {
        if (mode == MfaMode.OFF) throw new UserPoolException(ErrorCode.INVALID_PARAMETER, MFA_OFF);
    }

    private static void requireAccount(java.sql.Connection c, UserId user) throws java.sql.SQLException {
        if (UserRows.byId(c, user).isEmpty()) throw UserPoolException.userNotFound();
    }

    private SecretSealer sealer() {
        SecretSealer s = sealer;
        if (s == null) {
            synchronized (this) {
                if (sealer == null) sealer = sealerSource.get();
                s = sealer;
            }
        }
        return s;
    }
}
