package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;

/**
 * RS256 signatures of our tokens, the one piece of cryptography every sign-in and refresh pays twice.
 * A {@link Signature} is initialised with the key once per thread and reused (a signature leaves it
 * ready for the next), instead of converting the key on every token as a fresh JCA signer does; and it
 * is AWS-LC's once {@link AwsLc} has loaded, the JDK's until then and wherever it cannot. Either way the
 * signature is the same PKCS #1 v1.5 value (it is deterministic) that any verifier checks.
 */
final class TokenSignatures {
    /** A thread's signature object and the provider it came from (replaced once AWS-LC is ready). */
    private record Held(Optional<Provider> provider, Signature signature) {}

    private final PrivateKey key;
    private final boolean useAwsLc;
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    TokenSignatures(PrivateKey key) {
        this(key, true);
    }

    /** With {@code useAwsLc} false, always the JDK's (tests compare the two). */
    TokenSignatures(PrivateKey key, boolean useAwsLc) {
        this.key = key;
        this.useAwsLc = useAwsLc;
    }

    /** The RS256 signature of {@code signingInput}. */
    byte[] sign(byte[] signingInput) {
        try {
            Signature signature = signatureOfThisThread();
            signature.update(signingInput);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            held.remove();   // a half-used signature object is not reused
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cannot sign a token.", e);
        }
    }

    /** Who signs now: {@code AWS-LC (…)} or {@code JDK (…)}. */
    String signerName() {
        return AwsLc.describe(provider());
    }

    private Signature signatureOfThisThread() throws GeneralSecurityException {
        Optional<Provider> provider = provider();
        Held mine = held.get();
        if (mine == null || !mine.provider().equals(provider)) {
            Signature signature = AwsLc.rs256(provider);
            signature.initSign(key);
            mine = new Held(provider, signature);
            held.set(mine);
        }
        return mine.signature();
    }

    private Optional<Provider> provider() {
        return useAwsLc ? AwsLc.provider() : Optional.empty();
    }
}
