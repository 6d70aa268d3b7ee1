package dev.userpool.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Tokens shaped like a Cognito pool's, signed with keys the test controls. */
final class PoolTokens {
    static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/" + StubCognito.POOL_ID;
    static final String CLIENT = "client-1";

    private PoolTokens() {}

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwks(RSAKey... keys) {
        return new JWKSet(List.of(keys).stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList()).toString();
    }

    static JWTClaimsSet.Builder idClaims(Instant issued) {
        return new JWTClaimsSet.Builder().subject("sub-alice").audience(CLIENT).issuer(ISSUER)
                .claim("token_use", "id").claim("email", "alice@example.com").claim("email_verified", true)
                .claim("cognito:username", "sub-alice").issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(3600))).jwtID(UUID.randomUUID().toString());
    }

    static JWTClaimsSet.Builder accessClaims(Instant issued) {
        return new JWTClaimsSet.Builder().subject("sub-alice").issuer(ISSUER).claim("token_use", "access")
                .claim("client_id", CLIENT).claim("username", "sub-alice").claim("scope", "aws.cognito.signin.user.admin")
                .claim("cognito:groups", List.of("admins", "riders")).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(3600))).jwtID(UUID.randomUUID().toString());
    }

    static String signed(RSAKey key, JWTClaimsSet.Builder claims) {
        return signed(key, JWSAlgorithm.RS256, claims);
    }

    static String signed(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmacSigned(String kid, byte[] secret, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

}
