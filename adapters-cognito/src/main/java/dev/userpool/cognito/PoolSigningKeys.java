package dev.userpool.cognito;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool's RSA signing keys by {@code kid}, fetched from its JWKS and cached. An unknown {@code kid}
 * fetches again (Cognito may have added a key), but at most once per {@code unknownKeyInterval}, so a
 * stream of forged tokens cannot turn into a stream of fetches. Keys older than {@code maxAge} are
 * fetched again so a key the pool dropped stops being trusted; if that fetch fails the old keys stay.
 * Time comes from the injected clock.
 */
final class PoolSigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(PoolSigningKeys.class);

    static final Duration UNKNOWN_KEY_INTERVAL = Duration.ofSeconds(30);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    static final Duration MAX_AGE = Duration.ofHours(1);

    private final JwksSource source;
    private final Clock clock;
    private final Duration unknownKeyInterval;
    private final Duration maxAge;

    private volatile Map<String, RSAKey> keys = Map.of();
    private volatile Instant fetchedAt;          // last successful fetch; null before the first
    private Instant lastAttempt;                 // guarded by this
    private boolean lastAttemptFailed;           // guarded by this

    PoolSigningKeys(JwksSource source, Clock clock) {
        this(source, clock, UNKNOWN_KEY_INTERVAL, MAX_AGE);
    }

    PoolSigningKeys(JwksSource source, Clock clock, Duration unknownKeyInterval, Duration maxAge) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unknownKeyInterval = Objects.requireNonNull(unknownKeyInterval, "unknownKeyInterval");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /**
     * The key with this id, or empty when the pool has no such key. {@code ServiceUnavailable} when the
     * keys were never fetched and cannot be now: no token can be judged then.
     */
    Optional<RSAKey> key(String kid) {
        Objects.requireNonNull(kid, "kid");
        Instant now = clock.instant();
        RSAKey known = keys.get(kid);
        Instant fetched = fetchedAt;
        if (known != null && fetched != null && now.isBefore(fetched.plus(maxAge))) return Optional.of(known);
        synchronized (this) {
            if (mayFetch(now, keys.containsKey(kid))) fetch(now);
            if (fetchedAt == null) {
                throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The user pool's signing keys cannot be fetched.");
            }
            return Optional.ofNullable(keys.get(kid));
        }
    }

    private boolean mayFetch(Instant now, boolean known) {
        if (lastAttempt == null) return true;
        boolean stale = fetchedAt != null && !now.isBefore(fetchedAt.plus(maxAge));
        if (stale) return !now.isBefore(lastAttempt.plus(RETRY_AFTER_FAILURE));
        if (known) return false;   // fresh enough, and another thread just fetched it
        Duration wait = lastAttemptFailed ? RETRY_AFTER_FAILURE : unknownKeyInterval;
        return !now.isBefore(lastAttempt.plus(wait));
    }

    private void fetch(Instant now) {
        lastAttempt = now;
        try {
            keys = parse(source.fetch());
            fetchedAt = now;
            lastAttemptFailed = false;
        } catch (IOException | ParseException e) {
            lastAttemptFailed = true;
            LOG.warn("Could not fetch the user pool's signing keys from {}: {}", source, e.getMessage());
        }
    }

    /** The RSA signing keys of a JWKS document; keys for other uses or algorithms are left out. */
    private static Map<String, RSAKey> parse(String json) throws ParseException {
        Map<String, RSAKey> found = new HashMap<>();
        for (JWK jwk : JWKSet.parse(json).getKeys()) {
            if (!(jwk instanceof RSAKey rsa) || rsa.getKeyID() == null) continue;
            if (rsa.getKeyUse() != null && !KeyUse.SIGNATURE.equals(rsa.getKeyUse())) continue;
            if (rsa.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(rsa.getAlgorithm())) continue;
            found.put(rsa.getKeyID(), rsa.toPublicJWK());
        }
        return Map.copyOf(found);
    }
}
