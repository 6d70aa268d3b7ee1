package dev.userpool.core.testing;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.SoftwareTokens;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticator apps kept in memory, for tests of the core: the {@link SoftwareTokens} contract's rules
 * with RFC 6238's reference algorithm (HMAC-SHA-1, six digits, 30 s, ±1 step, each step once), written
 * here from the RFC so that the fake needs no library. Accounts are known by {@code knows}.
 */
public final class InMemorySoftwareTokens implements SoftwareTokens {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record App(Optional<byte[]> secret, Optional<byte[]> pending, boolean enabled, boolean preferred, long lastStep) {
        MfaSettings settings() {
            return new MfaSettings(secret.isPresent(), enabled && secret.isPresent(), preferred && enabled && secret.isPresent());
        }
    }

    private final Map<UserId, App> apps = new ConcurrentHashMap<>();
    private final java.util.function.Predicate<UserId> knows;
    private final Clock clock;

    public InMemorySoftwareTokens(java.util.function.Predicate<UserId> knows, Clock clock) {
        this.knows = knows;
        this.clock = clock;
    }

    @Override
    public synchronized SoftwareTokenSecret associate(UserId user) {
        require(user);
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        App app = apps.getOrDefault(user, new App(Optional.empty(), Optional.empty(), false, false, 0));
        apps.put(user, new App(app.secret(), Optional.of(secret), app.enabled(), app.preferred(), app.lastStep()));
        return new SoftwareTokenSecret(base32(secret));
    }

    @Override
    public synchronized MfaSettings verify(UserId user, TotpCode code) {
        require(user);
        App app = Optional.ofNullable(apps.get(user)).filter(a -> a.pending().isPresent())
                .orElseThrow(() -> UserPoolException.invalidParameter("UserCode", "no software token is being set up"));
        Optional<Long> step = matchingStep(app.pending().get(), code);
        if (step.isEmpty()) throw new UserPoolException(ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA, "Code mismatch and fail enable Software Token MFA");
        App verified = new App(app.pending(), Optional.empty(), app.enabled(), app.preferred(), step.get());
        apps.put(user, verified);
        return verified.settings();
    }

    @Override
    public MfaSettings settings(UserId user) {
        require(user);
        return Optional.ofNullable(apps.get(user)).map(App::settings).orElse(MfaSettings.NONE);
    }

    @Override
    public synchronized MfaSettings setPreference(UserId user, SoftwareTokenPreference choice) {
        MfaSettings after = settings(user).with(choice);
        App app = apps.get(user);
        if (app != null) apps.put(user, new App(app.secret(), app.pending(), after.softwareTokenEnabled(), after.softwareTokenPreferred(), app.lastStep()));
        return after;
    }

    @Override
    public boolean remove(UserId user) {
        require(user);
        return apps.remove(user) != null;
    }

    /** For a fake authenticator's second step: whether the code is the app's, of a step not accepted before (which it spends). */
    public synchronized boolean accepts(UserId user, TotpCode code) {
        App app = apps.get(user);
        if (app == null || app.secret().isEmpty()) return false;
        Optional<Long> step = matchingStep(app.secret().get(), code).filter(s -> s > app.lastStep());
        step.ifPresent(s -> apps.put(user, new App(app.secret(), app.pending(), app.enabled(), app.preferred(), s)));
        return step.isPresent();
    }

    private void require(UserId user) {
        if (!knows.test(user)) throw UserPoolException.userNotFound();
    }

    private Optional<Long> matchingStep(byte[] secret, TotpCode code) {
        long now = Math.floorDiv(clock.instant().getEpochSecond(), 30);
        for (long step = now - 1; step <= now + 1; step++) {
            if (codeAt(secret, step).equals(code.value())) return Optional.of(step);
        }
        return Optional.empty();
    }

    /** RFC 6238 / RFC 4226: HMAC-SHA-1 of the step, dynamically truncated to six digits. */
    private static String codeAt(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }
}
