package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A choice-based sign-in ({@code USER_AUTH}) waiting for its next answer: the choice of a factor
 * ({@code SELECT_CHALLENGE}, no code) or an emailed code ({@code EMAIL_OTP}). Kept by the digest of its
 * session, never the session itself; the code only as a digest bound to the session. {@code account} is
 * empty for a name without an account (or one that may not have a code): such a sign-in looks the same
 * and can never be answered.
 */
public record PendingSignIn(String sessionDigest, String username, Optional<UserId> account,
                            Optional<String> codeDigest, Instant expiresAt, int wrongAnswers) {
    public PendingSignIn {
        Objects.requireNonNull(sessionDigest, "sessionDigest");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(codeDigest, "codeDigest");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (wrongAnswers < 0) throw new IllegalArgumentException("wrongAnswers");
    }

    /** Whether it waits for an emailed code, rather than for a choice. */
    public boolean waitsForCode() {
        return codeDigest.isPresent();
    }

    @Override
    public String toString() {
        return "PendingSignIn[username=" + username + ", account=" + account + ", waitsForCode=" + waitsForCode()
                + ", expiresAt=" + expiresAt + ", wrongAnswers=" + wrongAnswers + "]";
    }
}
