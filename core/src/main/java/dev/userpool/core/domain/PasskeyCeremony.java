package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A WebAuthn challenge the pool posed and waits to see answered once: to add a passkey to {@code user}'s
 * account, or to sign {@code user} in. The {@code key} finds it again: the account for a registration
 * (a newer start replaces an older one, as Cognito's), a digest of the sign-in session for a sign-in.
 */
public record PasskeyCeremony(String key, Purpose purpose, UserId user, byte[] challenge, Instant expiresAt) {
    public enum Purpose { REGISTRATION, SIGN_IN }

    public PasskeyCeremony {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(user, "user");
        challenge = Objects.requireNonNull(challenge, "challenge").clone();
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PasskeyCeremony[purpose=" + purpose + ", user=" + user + ", expiresAt=" + expiresAt + "]";
    }
}
