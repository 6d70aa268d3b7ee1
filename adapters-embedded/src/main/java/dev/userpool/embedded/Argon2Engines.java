package dev.userpool.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks, once at start-up, the fastest Argon2id engine that works here, then falls back to the next:
 * libsodium and libargon2 (through argon2-jvm) in the order that is faster on this machine, then
 * Bouncy Castle's pure Java. Every engine reads the others' hashes, so the choice never locks anyone
 * out; it only changes how much a sign-in costs.
 *
 * <p>Which native engine is faster depends on the kernel's transparent huge pages. libsodium's kernel
 * is vectorised (AVX2 where the CPU has it), but it {@code mmap}s the Argon2 memory afresh for every
 * hash: with huge pages {@code always} that is a handful of faults, and libsodium is the fastest
 * (12–17 ms of CPU per default verification on the 2-core test machine, against 20–24 ms for libargon2);
 * with {@code madvise} (Debian's default) or {@code never} it is one fault per 4 KiB page, about 4,900
 * per hash, and libsodium becomes twice as slow as libargon2 (44–51 ms), which {@code malloc}s and gets
 * the same memory back from glibc hash after hash. docs/PERFORMANCE.md has the runs. libsodium also
 * computes one lane only, so parameters with more lanes go straight to libargon2.
 */
final class Argon2Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Argon2Engines.class);
    static final Path THP_ENABLED = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private Argon2Engines() {}

    static Argon2Engine choose(Argon2Parameters parameters) {
        return choose(parameters, hugePagesAlways(THP_ENABLED), SodiumArgon2::load, NativeArgon2::load);
    }

    /**
     * As {@link #choose(Argon2Parameters)}, with the huge-page mode and the two native engines' loaders
     * given (tests make them fail).
     */
    static Argon2Engine choose(Argon2Parameters parameters, boolean hugePagesAlways, Supplier<Argon2Engine> libsodium,
                               Supplier<Argon2Engine> libargon2) {
        boolean sodiumFirst = parameters.parallelism() == 1 && hugePagesAlways;
        if (parameters.parallelism() != 1) {
            LOG.info("libsodium computes Argon2id with one lane only, and p={} is configured: hashing with"
                    + " libargon2 (argon2-jvm) instead", parameters.parallelism());
        } else if (!sodiumFirst) {
            LOG.info("Transparent huge pages are not 'always' here, so libargon2 (argon2-jvm) hashes before"
                    + " libsodium: libsodium maps its Argon2 memory afresh for every hash, which costs a page fault"
                    + " per 4 KiB without huge pages and makes it the slower engine");
        }
        if (sodiumFirst) {
            Argon2Engine sodium = tryLoad(libsodium, "libsodium");
            if (sodium != null) return sodium;
        }
        Argon2Engine argon2 = tryLoad(libargon2, "libargon2 (argon2-jvm)");
        if (argon2 != null) return argon2;
        if (!sodiumFirst && parameters.parallelism() == 1) {
            Argon2Engine sodium = tryLoad(libsodium, "libsodium");
            if (sodium != null) return sodium;
        }
        LOG.warn("No native Argon2 engine could load; hashing passwords with the slower pure-Java Bouncy Castle"
                + " implementation (argon2-jvm bundles libargon2 for common platforms; installing libsodium23 also helps)");
        return new BouncyCastleArgon2();
    }

    private static Argon2Engine tryLoad(Supplier<Argon2Engine> loader, String name) {
        try {
            return loader.get();
        } catch (LinkageError | RuntimeException e) {
            LOG.info("{} could not load ({}); trying the next engine", name, e.getClass().getSimpleName());
            return null;
        }
    }

    /** Whether the kernel gives every anonymous mapping huge pages ({@code [always]} selected in {@code file}). */
    static boolean hugePagesAlways(Path file) {
        try {
            return Files.readString(file).contains("[always]");
        } catch (IOException | SecurityException e) {
            return false;   // not Linux, or not readable: assume no huge pages, the cautious order
        }
    }
}
