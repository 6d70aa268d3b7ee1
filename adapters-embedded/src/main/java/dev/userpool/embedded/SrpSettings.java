package dev.userpool.embedded;

import dev.userpool.srp.SrpPrivateKey;
import java.util.Objects;

/**
 * Whether the embedded pool keeps SRP verifiers and answers {@code USER_SRP_AUTH}, and the user pool
 * id whose name (after the {@code _}) SRP hashes into every verifier. Off, no verifier is stored and
 * existing ones are forgotten (they are a weaker password store than the Argon2id hashes).
 */
public record SrpSettings(boolean enabled, String userPoolId) {
    public SrpSettings {
        Objects.requireNonNull(userPoolId, "userPoolId");
        SrpPrivateKey.poolName(userPoolId);   // refuses an id without a pool name
    }

    public static SrpSettings on(String userPoolId) {
        return new SrpSettings(true, userPoolId);
    }

    public static SrpSettings off(String userPoolId) {
        return new SrpSettings(false, userPoolId);
    }

    /** The part of the pool id after {@code _}, hashed into {@code x}. */
    public String poolName() {
        return SrpPrivateKey.poolName(userPoolId);
    }
}
