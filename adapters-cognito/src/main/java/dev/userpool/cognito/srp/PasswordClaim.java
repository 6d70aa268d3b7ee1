package dev.userpool.cognito.srp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The client's proof that it knows the password, for RespondToAuthChallenge({@code PASSWORD_VERIFIER}):
 * the challenge's {@code USERNAME} and {@code SECRET_BLOCK} handed back, the {@code TIMESTAMP} that was
 * signed and the base64 {@code PASSWORD_CLAIM_SIGNATURE}. The signature is not printed.
 */
public record PasswordClaim(String username, String secretBlock, String timestamp, String signature) {
    public PasswordClaim {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secretBlock, "secretBlock");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The {@code ChallengeResponses} of RespondToAuthChallenge, as a new mutable map each call so the
     * caller can add {@code SECRET_HASH} (computed over {@link #username()}) when the app client has a secret.
     */
    public Map<String, String> challengeResponses() {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", username);
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        responses.put("TIMESTAMP", timestamp);
        responses.put("PASSWORD_CLAIM_SIGNATURE", signature);
        return responses;
    }

    @Override
    public String toString() {
        return "PasswordClaim[username=" + username + ", timestamp=" + timestamp + ", signature=********]";
    }
}
