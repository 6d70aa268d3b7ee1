package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RS256 signatures of our tokens, the one piece of cryptography every sign-in and refresh pays twice.
 *
 * <p>Two things make them cheap. A {@link Signature} is initialised with the key once per thread and
 * reused (a signature leaves it ready for the next), instead of converting the key on every token as a
 * fresh JCA signer does. And the signing is done by AWS-LC through the Amazon Corretto Crypto Provider
 * when its native library loads here (x86-64 Linux): about half the JDK's CPU per signature on the test
 * machine. Loading it takes most of a second, so it happens on a background thread at the first
 * signature, never on the start-up path; until it is ready, and wherever it cannot load, the JDK signs.
 * Either way the signature is the same PKCS #1 v1.5 RS256 value that any verifier checks.
 */
final class TokenSignatures {
    private static final Logger LOG = LoggerFactory.getLogger(TokenSignatures.class);
    private static final String ALGORITHM = "SHA256withRSA";
    private static final String ACCP = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final AtomicBoolean LOADING = new AtomicBoolean();
    private static volatile Optional<Provider> native_ = Optional.empty();

    /** A thread's signature object and the provider it came from (replaced once AWS-LC is ready). */
    private record Held(Optional<Provider> provider, Signature signature) {}

    private final PrivateKey key;
    private final boolean useNative;
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    TokenSignatures(PrivateKey key) {
        this(key, true);
    }

    /** With {@code useNative} false, always the JDK's (tests compare the two). */
    TokenSignatures(PrivateKey key, boolean useNative) {
        this.key = key;
        this.useNative = useNative;
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
        return provider().map(p -> "AWS-LC (" + p.getName() + " " + p.getVersionStr() + ")")
                .orElse("JDK (" + jdkProviderName() + ")");
    }

    private Signature signatureOfThisThread() throws GeneralSecurityException {
        Optional<Provider> provider = provider();
        Held mine = held.get();
        if (mine == null || !mine.provider().equals(provider)) {
            Signature signature = provider.isPresent()
                    ? Signature.getInstance(ALGORITHM, provider.get())
                    : Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            mine = new Held(provider, signature);
            held.set(mine);
        }
        return mine.signature();
    }

    private Optional<Provider> provider() {
        if (!useNative) return Optional.empty();
        if (LOADING.compareAndSet(false, true)) {
            Thread loader = new Thread(TokenSignatures::loadNative, "aws-lc-loader");
            loader.setDaemon(true);
            loader.start();
        }
        return native_;
    }

    private static void loadNative() {
        try {
            Provider provider = (Provider) Class.forName(ACCP).getField("INSTANCE").get(null);
            provider.getClass().getMethod("assertHealthy").invoke(provider);
            Signature.getInstance(ALGORITHM, provider);   // it offers RS256 here
            native_ = Optional.of(provider);
            LOG.info("Token signatures: AWS-LC ({} {}) from now on", provider.getName(), provider.getVersionStr());
        } catch (ReflectiveOperationException | LinkageError | GeneralSecurityException | RuntimeException e) {
            LOG.info("Token signatures stay with the JDK: AWS-LC (Amazon Corretto Crypto Provider) is not usable here ({})",
                    e.getClass().getSimpleName());
        }
    }

    private static String jdkProviderName() {
        try {
            return Signature.getInstance(ALGORITHM).getProvider().getName();
        } catch (GeneralSecurityException e) {
            return "none";
        }
    }
}
