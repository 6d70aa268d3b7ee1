package dev.userpool.embedded;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS-LC behind JCA (the Amazon Corretto Crypto Provider), for the RS256 work on every token: about half
 * the JDK's CPU per signature and a third per verification on the test machine. Its native library takes
 * most of a second to load and check, so it is loaded on a background thread at the first ask, never on
 * the start-up path; until it is ready, and wherever it cannot load (it ships for x86-64 Linux here),
 * {@link #provider()} is empty and callers use the JDK's. The provider is used by name only, never
 * installed: nothing else in the process changes its cryptography.
 */
final class AwsLc {
    private static final Logger LOG = LoggerFactory.getLogger(AwsLc.class);
    static final String RS256 = "SHA256withRSA";
    private static final String ACCP = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final AtomicBoolean LOADING = new AtomicBoolean();
    private static volatile Optional<Provider> loaded = Optional.empty();

    private AwsLc() {}

    /** The provider once it is loaded and healthy; empty before (the first call starts loading it) or where it cannot load. */
    static Optional<Provider> provider() {
        if (LOADING.compareAndSet(false, true)) {
            Thread loader = new Thread(AwsLc::load, "aws-lc-loader");
            loader.setDaemon(true);
            loader.start();
        }
        return loaded;
    }

    /** An RS256 {@link Signature} of the provider given, or the JDK's when it is empty. */
    static Signature rs256(Optional<Provider> provider) throws GeneralSecurityException {
        return provider.isPresent() ? Signature.getInstance(RS256, provider.get()) : Signature.getInstance(RS256);
    }

    /** Who does the work: {@code AWS-LC (…)} or {@code JDK (…)}. */
    static String describe(Optional<Provider> provider) {
        return provider.map(p -> "AWS-LC (" + p.getName() + " " + p.getVersionStr() + ")").orElseGet(() -> {
            try {
                return "JDK (" + Signature.getInstance(RS256).getProvider().getName() + ")";
            } catch (GeneralSecurityException e) {
                return "JDK (none)";
            }
        });
    }

    private static void load() {
        try {
            Provider provider = (Provider) Class.forName(ACCP).getField("INSTANCE").get(null);
            provider.getClass().getMethod("assertHealthy").invoke(provider);
            Signature.getInstance(RS256, provider);   // it offers RS256 here
            loaded = Optional.of(provider);
            LOG.info("Token signatures and verifications: {} from now on", describe(loaded));
        } catch (ReflectiveOperationException | LinkageError | GeneralSecurityException | RuntimeException e) {
            LOG.info("Token signatures and verifications stay with the JDK: AWS-LC (Amazon Corretto Crypto Provider)"
                    + " is not usable here ({})", e.getClass().getSimpleName());
        }
    }
}
