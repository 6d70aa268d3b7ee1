package dev.userpool.embedded;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks, once at start-up, the fastest Argon2id engine that works here: libsodium, then libargon2
 * through argon2-jvm, then Bouncy Castle's pure Java. Every engine reads the others' hashes, so the
 * choice never locks anyone out; it only changes how much a sign-in costs. libsodium computes one
 * lane only, so parameters with more lanes go straight to libargon2.
 */
final class Argon2Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Argon2Engines.class);

    private Argon2Engines() {}

    static Argon2Engine choose(Argon2Parameters parameters) {
        return choose(parameters, SodiumArgon2::load, NativeArgon2::load);
    }

    /** As {@link #choose(Argon2Parameters)}, with the two native engines' loaders given (tests make them fail). */
    static Argon2Engine choose(Argon2Parameters parameters, Supplier<Argon2Engine> libsodium,
                               Supplier<Argon2Engine> libargon2) {
        if (parameters.parallelism() == 1) {
            try {
                return libsodium.get();
            } catch (LinkageError | RuntimeException e) {
                LOG.info("libsodium could not load ({}); trying libargon2 (argon2-jvm). Installing libsodium23"
                        + " makes password checks faster", e.getClass().getSimpleName());
            }
        } else {
            LOG.info("libsodium computes Argon2id with one lane only, and p={} is configured: hashing with"
                    + " libargon2 (argon2-jvm) instead", parameters.parallelism());
        }
        try {
            return libargon2.get();
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("Native Argon2 (libargon2) could not load ({}); hashing passwords with the slower"
                    + " pure-Java Bouncy Castle implementation", e.getClass().getSimpleName());
            return new BouncyCastleArgon2();
        }
    }
}
