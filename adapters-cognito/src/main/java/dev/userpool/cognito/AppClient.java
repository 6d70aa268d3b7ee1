package dev.userpool.cognito;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pool's app client this service signs users in through, and its secret when it has one. With a
 * secret, Cognito wants a {@code SECRET_HASH} on every call that names a user. The secret never prints.
 */
public record AppClient(String clientId, Optional<String> clientSecret) {

    public AppClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank()) throw new IllegalArgumentException("clientId is required");
        clientSecret = clientSecret.filter(s -> !s.isBlank());
    }

    public static AppClient withoutSecret(String clientId) {
        return new AppClient(clientId, Optional.empty());
    }

    public static AppClient withSecret(String clientId, String clientSecret) {
        return new AppClient(clientId, Optional.of(clientSecret));
    }

    public boolean hasSecret() {
        return clientSecret.isPresent();
    }

    /**
     * {@code SECRET_HASH} for {@code username}: base64(HMAC-SHA256(key = client secret, username ‖ client id)),
     * or empty for a client without a secret.
     */
    public Optional<String> secretHash(String username) {
        Objects.requireNonNull(username, "username");
        return clientSecret.map(secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update(username.getBytes(StandardCharsets.UTF_8));
                mac.update(clientId.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(mac.doFinal());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        });
    }

    @Override
    public String toString() {
        return "AppClient[clientId=" + clientId + ", secret=" + (hasSecret() ? "***" : "none") + "]";
    }
}
