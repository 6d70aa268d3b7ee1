package dev.userpool.core.testing;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.port.out.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenVerifier} for tokens it issued itself. A token is valid for {@link #LIFETIME} from
 * issue by the injected clock, until it expires or is revoked. Tokens are shaped like a JWT (header,
 * payload naming {@code sub} and {@code token_use}, and a random "signature", each base64url), so the
 * port's contract can alter their parts; only a token issued here, unaltered, verifies.
 * Tests may issue tokens directly, e.g. an administrator's access token.
 */
public final class FakeTokenVerifier implements TokenVerifier {
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, VerifiedToken> issued = new ConcurrentHashMap<>();
    private final CallLog calls = new CallLog();

    public FakeTokenVerifier(Clock clock) {
        this.clock = clock;
    }

    /** A new token saying what {@code use}, {@code email} and {@code groups} say about {@code user}. */
    public String issue(UserId user, TokenUse use, Optional<EmailAddress> email, Set<String> groups) {
        Instant now = clock.instant();
        String claims = "{\"sub\":\"" + user.value() + "\",\"token_use\":\"" + use.name().toLowerCase(Locale.ROOT)
                + "\",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String token = part("{\"typ\":\"fake\"}") + "." + part(claims) + "." + part(UUID.randomUUID().toString());
        issued.put(token, new VerifiedToken(user, use, email, groups, now, now.plus(LIFETIME)));
        return token;
    }

    /** Every token of {@code user} stops verifying. */
    public void revokeAll(UserId user) {
        revokeAllBut(user, Set.of());
    }

    /** Every token of {@code user} but those in {@code kept} stops verifying. */
    public void revokeAllBut(UserId user, Set<String> kept) {
        issued.entrySet().removeIf(e -> e.getValue().userId().equals(user) && !kept.contains(e.getKey()));
    }

    @Override
    public VerifiedToken verify(String token) {
        calls.add("verify");
        return check(token);
    }

    /** The port methods called, in order. */
    public List<String> calls() {
        return calls.all();
    }

    private static String part(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Verifies without noting a call, for the fakes built on this one. */
    VerifiedToken check(String token) {
        VerifiedToken known = token == null ? null : issued.get(token.strip());
        if (known == null) throw UserPoolException.notAuthorized("Invalid token.");
        if (!clock.instant().isBefore(known.expiresAt())) throw UserPoolException.notAuthorized("Token has expired.");
        return known;
    }
}
