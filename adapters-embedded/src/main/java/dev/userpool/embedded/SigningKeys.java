package dev.userpool.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RSA key pair that signs tokens, made on first start and kept in the database, so tokens stay
 * valid across restarts and every process on the file signs with the same key. Every stored key is
 * published and accepted; the newest signs (room for rotation without breaking issued tokens).
 *
 * <p>The signer and one verifier per key are built once, here: Nimbus's RSA signers and verifiers are
 * thread-safe, and building one per token costs a key conversion each time.
 */
public final class SigningKeys {
    static final int RSA_BITS = 2048;

    private final List<RSAKey> keys;
    private final Map<String, JWSVerifier> verifiers;
    private final JWSSigner signer;
    private final TokenSignatures signatures;

    private SigningKeys(List<RSAKey> newestFirst) {
        this.keys = List.copyOf(newestFirst);
        try {
            Map<String, JWSVerifier> byKid = new HashMap<>();
            for (RSAKey key : keys) byKid.put(key.getKeyID(), new RSASSAVerifier(key.toPublicJWK()));
            this.verifiers = Map.copyOf(byKid);
            this.signer = new RSASSASigner(keys.get(0));
            this.signatures = new TokenSignatures(keys.get(0).toPrivateKey());
        } catch (JOSEException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The stored signing key is not usable.", e);
        }
    }

    public static SigningKeys loadOrCreate(EmbeddedDatabase db) {
        return new SigningKeys(db.transaction(c -> {
            List<RSAKey> stored = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT jwk FROM signing_keys ORDER BY seq DESC");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) stored.add(parse(rs.getString(1)));
            }
            if (!stored.isEmpty()) return stored;
            RSAKey created = generate();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO signing_keys (kid, jwk) VALUES (?, ?)")) {
                p.setString(1, created.getKeyID());
                p.setString(2, created.toJSONString());
                p.executeUpdate();
            }
            return List.of(created);
        }));
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(RSA_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cannot generate a signing key.", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "A stored signing key is damaged.", e);
        }
    }

    /** The public keys as a JWK Set: {@code {"keys":[{"kty":"RSA","kid":…,"alg":"RS256","use":"sig",…}]}}. */
    public String jwksJson() {
        return new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList()).toString();
    }

    /** The {@code kid} new tokens are signed with. */
    public String currentKeyId() {
        return keys.get(0).getKeyID();
    }

    JWSSigner signer() {
        return signer;
    }

    /** The newest key's RS256 signatures, as {@link TokenIssuer} signs every token. */
    TokenSignatures signatures() {
        return signatures;
    }

    /** Our public keys by key id, for {@link OwnTokenReader}'s JCA verification. */
    Map<String, java.security.PublicKey> publicKeys() {
        Map<String, java.security.PublicKey> byKid = new HashMap<>();
        try {
            for (RSAKey key : keys) byKid.put(key.getKeyID(), key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The stored signing key is not usable.", e);
        }
        return byKid;
    }

    /** The verifier of the public key with this id, if it is one of ours. */
    Optional<JWSVerifier> verifier(String kid) {
        return Optional.ofNullable(kid).map(verifiers::get);
    }
}
