package dev.userpool.cognito.srp;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The first step of an SRP sign-in: {@code srpA}, the lower-case hex of {@code A = g^a mod N}, goes to
 * InitiateAuth as {@code SRP_A}; the secret {@code a} stays inside {@link Ephemeral}, readable only by
 * {@link SrpClient}, and is never printed. Use one start for one sign-in attempt.
 */
public record SrpStart(String srpA, Ephemeral ephemeral) {
    public SrpStart {
        Objects.requireNonNull(srpA, "srpA");
        Objects.requireNonNull(ephemeral, "ephemeral");
        if (!srpA.equals(ephemeral.srpA)) throw new IllegalArgumentException("srpA does not belong to this ephemeral key");
    }

    @Override
    public String toString() {
        return "SrpStart[srpA=" + srpA.substring(0, Math.min(16, srpA.length())) + "…]";
    }

    /** The client's ephemeral key pair {@code (a, A)}; opaque outside this package. */
    public static final class Ephemeral {
        final BigInteger a;
        final BigInteger bigA;
        final String srpA;

        Ephemeral(BigInteger a, BigInteger bigA) {
            this.a = a;
            this.bigA = bigA;
            this.srpA = bigA.toString(16);
        }

        @Override
        public String toString() {
            return "Ephemeral[hidden]";
        }
    }
}
