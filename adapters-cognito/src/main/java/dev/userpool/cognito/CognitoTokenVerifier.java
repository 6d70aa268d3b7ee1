package dev.userpool.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the pool's ID and access tokens on this machine, against the pool's published keys: an RS256
 * signature by a key of the pool's JWKS, the pool's issuer, not expired by the injected clock,
 * {@code token_use} {@code id} with our client in {@code aud} or {@code access} with our
 * {@code client_id}. Every refusal is {@code NotAuthorized} with a short reason, never the token.
 *
 * <p>Like every offline JWT check (AWS: "revoked tokens will still be valid if they are verified using
 * any JWT library that verifies the signature and expiration of the token"), it cannot see a global
 * sign-out: such tokens stay valid until they expire, an hour at most by default; refresh tokens stop
 * at once. The core still refuses tokens of disabled or deleted accounts.
 */
public final class CognitoTokenVerifier implements TokenVerifier {
    static final String TOKEN_USE = "token_use";
    static final String CLIENT_ID = "client_id";
    static final String EMAIL = "email";
    static final String GROUPS = "cognito:groups";

    private final String issuer;
    private final String clientId;
    private final PoolSigningKeys keys;
    private final Clock clock;

    /** Keys from the pool's {@code .well-known/jwks.json}. */
    public CognitoTokenVerifier(CognitoPool pool, AppClient appClient, Clock clock) {
        this(pool, appClient, new PoolSigningKeys(new HttpJwksSource(pool.jwksUri(), Duration.ofSeconds(5)), clock), clock);
    }

    CognitoTokenVerifier(CognitoPool pool, AppClient appClient, PoolSigningKeys keys, Clock clock) {
        this.issuer = Objects.requireNonNull(pool, "pool").issuer();
        this.clientId = Objects.requireNonNull(appClient, "appClient").clientId();
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VerifiedToken verify(String token) {
        if (token == null || token.isBlank()) throw refused("Token is missing.");
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("Token is malformed.");
        }
        checkSignature(jwt);
        return checkClaims(claims);
    }

    private void checkSignature(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) throw refused("Token algorithm is not accepted.");
        if (header.getKeyID() == null) throw refused("Token names no signing key.");
        RSAKey key = keys.key(header.getKeyID()).orElseThrow(() -> refused("Token signing key is unknown."));
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) throw refused("Token signature is invalid.");
        } catch (JOSEException e) {
            throw refused("Token signature is invalid.");
        }
    }

    private VerifiedToken checkClaims(JWTClaimsSet claims) {
        try {
            if (!issuer.equals(claims.getIssuer())) throw refused("Token issuer is not accepted.");
            Date exp = claims.getExpirationTime();
            Date iat = claims.getIssueTime();
            if (exp == null || iat == null) throw refused("Token is malformed.");
            Instant expiresAt = exp.toInstant();
            if (!clock.instant().isBefore(expiresAt)) throw refused("Token has expired.");
            TokenUse use = useFor(claims);
            String sub = claims.getSubject();
            if (sub == null || sub.isBlank()) throw refused("Token is malformed.");
            List<String> groups = claims.getStringListClaim(GROUPS);
            return new VerifiedToken(new UserId(sub), use, use == TokenUse.ID ? email(claims) : Optional.empty(),
                    groups == null ? Set.of() : Set.copyOf(groups), iat.toInstant(), expiresAt);
        } catch (ParseException e) {   // a claim of the wrong type
            throw refused("Token is malformed.");
        }
    }

    private TokenUse useFor(JWTClaimsSet claims) throws ParseException {
        String use = claims.getStringClaim(TOKEN_USE);
        if ("id".equals(use)) {
            List<String> audience = claims.getAudience();
            if (audience == null || !audience.contains(clientId)) throw refused("Token audience is not accepted.");
            return TokenUse.ID;
        }
        if ("access".equals(use)) {
            if (!clientId.equals(claims.getStringClaim(CLIENT_ID))) throw refused("Token client is not accepted.");
            return TokenUse.ACCESS;
        }
        throw refused("Token use is not accepted.");
    }

    private static Optional<EmailAddress> email(JWTClaimsSet claims) throws ParseException {
        String email = claims.getStringClaim(EMAIL);
        if (email == null) return Optional.empty();
        try {
            return Optional.of(new EmailAddress(email));
        } catch (UserPoolException e) {
            throw refused("Token is malformed.");
        }
    }

    private static UserPoolException refused(String reason) {
        return UserPoolException.notAuthorized(reason);
    }
}
