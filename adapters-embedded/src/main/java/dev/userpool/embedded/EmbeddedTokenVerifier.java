package dev.userpool.embedded;

import static dev.userpool.embedded.CognitoClaims.*;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.port.out.TokenVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the embedded issuer's tokens: RS256 with one of our keys, our issuer, not expired by the
 * injected clock, an ID token for one of the pool's app clients or an access token of one, and a session that
 * has not been ended. Every refusal is {@code NotAuthorized} with a short reason, never the token.
 *
 * <p>A token with the header we write is read by {@link OwnTokenReader} (its signature by a JCA
 * verifier kept per thread, then only the claims needed, by a streaming parser); any other goes through
 * Nimbus's general path with the key's verifier built once ({@link SigningKeys}). Both end in the same
 * claim checks, and the session is checked in memory ({@link ActiveSessions}): a valid token of a session
 * already seen costs no database read.
 */
public final class EmbeddedTokenVerifier implements TokenVerifier {
    private final ActiveSessions sessions;
    private final SigningKeys keys;
    private final EmbeddedSettings settings;
    private final Clock clock;
    private final SqliteAppClientDirectory clients;
    private final OwnTokenReader ownTokens;

    public EmbeddedTokenVerifier(EmbeddedDatabase db, SigningKeys keys, EmbeddedSettings settings, Clock clock) {
        this(db, keys, settings, clock, new SqliteAppClientDirectory(db, SqliteAppClientDirectory.defaultClientOf(settings)));
    }

    /** Accepting the tokens of every app client of the pool ({@code clients}, kept in memory): a deleted client's stop verifying. */
    public EmbeddedTokenVerifier(EmbeddedDatabase db, SigningKeys keys, EmbeddedSettings settings, Clock clock,
                                 SqliteAppClientDirectory clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.sessions = new ActiveSessions(Objects.requireNonNull(db, "db"));
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownTokens = new OwnTokenReader(keys.publicKeys());
    }

    @Override
    public VerifiedToken verify(String token) {
        return check(token).token();
    }

    /** A valid token and the session it belongs to (its {@code origin_jti}). */
    record CheckedToken(VerifiedToken token, String sessionId) {}

    CheckedToken check(String token) {
        if (token == null || token.isBlank()) throw refused("Token is missing.");
        String compact = token.strip();
        try {
            Optional<OwnTokenReader.Claims> own = ownTokens.read(compact);
            return checkClaims(own.isPresent() ? own.get() : claimsOf(signedByUs(SignedJWT.parse(compact)).getJWTClaimsSet()));
        } catch (OwnTokenReader.BadSignature e) {
            throw refused("Token signature is invalid.");
        } catch (ParseException e) {
            throw refused("Token is malformed.");
        }
    }

    private SignedJWT signedByUs(SignedJWT jwt) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) throw refused("Token algorithm is not accepted.");
        JWSVerifier key = keys.verifier(jwt.getHeader().getKeyID())
                .orElseThrow(() -> refused("Token signing key is unknown."));
        try {
            if (!jwt.verify(key)) throw refused("Token signature is invalid.");
        } catch (JOSEException e) {
            throw refused("Token signature is invalid.");
        }
        return jwt;
    }

    /** The general path's claims in the fast path's shape, so both are checked by the same rules. */
    private static OwnTokenReader.Claims claimsOf(JWTClaimsSet claims) throws ParseException {
        Date iat = claims.getIssueTime();
        Date exp = claims.getExpirationTime();
        return new OwnTokenReader.Claims(claims.getIssuer(),
                iat == null ? null : iat.getTime() / 1000, exp == null ? null : exp.getTime() / 1000,
                claims.getSubject(), claims.getStringClaim(TOKEN_USE), claims.getAudience(),
                claims.getStringClaim(CLIENT_ID), claims.getStringClaim(ORIGIN_JTI), claims.getStringClaim(EMAIL),
                claims.getStringListClaim(GROUPS));
    }

    private CheckedToken checkClaims(OwnTokenReader.Claims claims) {
        if (!settings.issuerClaim().equals(claims.issuer())) throw refused("Token issuer is not accepted.");
        if (claims.expiresAt() == null || claims.issuedAt() == null) throw refused("Token is malformed.");
        Instant expiresAt = Instant.ofEpochSecond(claims.expiresAt());
        if (!clock.instant().isBefore(expiresAt)) throw refused("Token has expired.");

        TokenUse use = useOf(claims);
        String sub = claims.subject();
        String sessionId = claims.originJti();
        if (sub == null || sub.isBlank() || sessionId == null) throw refused("Token is malformed.");
        UserId user = new UserId(sub);
        if (!sessions.isActive(sessionId, user)) throw refused("Token has been revoked.");

        Optional<EmailAddress> email = use == TokenUse.ID
                ? Optional.ofNullable(claims.email()).map(EmailAddress::new)
                : Optional.empty();
        List<String> groups = claims.groups();
        VerifiedToken verified = new VerifiedToken(user, use, email, groups == null ? Set.of() : Set.copyOf(groups),
                Instant.ofEpochSecond(claims.issuedAt()), expiresAt);
        return new CheckedToken(verified, sessionId);
    }

    /** How often the session checks read a table instead of answering from memory (tests hold it to zero). */
    long sessionTableReads() {
        return sessions.tableReads();
    }

    private TokenUse useOf(OwnTokenReader.Claims claims) {
        String use = claims.tokenUse();
        if (ID_USE.equals(use)) {
            List<String> audience = claims.audience();
            if (audience == null || audience.size() != 1 || clients.find(audience.get(0)).isEmpty()) {
                throw refused("Token audience is not accepted.");
            }
            return TokenUse.ID;
        }
        if (ACCESS_USE.equals(use)) {
            String client = claims.clientId();
            if (client == null || clients.find(client).isEmpty()) throw refused("Token client is not accepted.");
            return TokenUse.ACCESS;
        }
        throw refused("Token use is not accepted.");
    }

    private static UserPoolException refused(String reason) {
        return UserPoolException.notAuthorized(reason);
    }
}
