package dev.userpool.embedded;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * Argon2id from libsodium ({@code libsodium23} on Debian and Ubuntu), mapped directly with JNA. It
 * writes and reads the same {@code $argon2id$v=19$…} PHC strings as libargon2, so hashes move freely
 * between the engines. libsodium computes one lane only: it hashes with {@code p=1} and no other
 * ({@link Argon2Engines} picks another engine for more lanes), but verifies any.
 *
 * <p>The {@code argon2id}-specific functions are called, not {@code crypto_pwhash_str}, so the algorithm
 * never depends on libsodium's default.
 */
final class SodiumArgon2 implements Argon2Engine {
    /** {@code crypto_pwhash_argon2id_STRBYTES}: the PHC string with its terminating NUL fits in it. */
    private static final int STRBYTES = 128;

    private final Sodium sodium;

    private SodiumArgon2(Sodium sodium) {
        this.sodium = sodium;
    }

    /** The functions of libsodium used here; names and types as in {@code sodium/crypto_pwhash_argon2id.h}. */
    public interface Sodium extends Library {
        int sodium_init();

        int crypto_pwhash_argon2id_str(byte[] out, Pointer passwd, long passwdlen, long opslimit, SizeT memlimit);

        int crypto_pwhash_argon2id_str_verify(byte[] str, Pointer passwd, long passwdlen);
    }

    /** C's {@code size_t}, whatever its width on this platform. */
    public static final class SizeT extends IntegerType {
        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /**
     * Loads libsodium and proves it with one tiny hash, as {@link NativeArgon2#load()} does: JNA binds
     * lazily, so a missing symbol would otherwise only show at the first sign-up. (On Linux JNA also
     * finds the versioned {@code libsodium.so.23} that distributions ship without the -dev package,
     * but only by running {@code ldconfig -p} as a child process, on every start: so that file name is
     * tried first, and found by the dynamic loader directly.)
     */
    static SodiumArgon2 load() {
        Sodium sodium = loadLibrary();
        if (sodium.sodium_init() < 0) throw new IllegalStateException("sodium_init failed");
        SodiumArgon2 engine = new SodiumArgon2(sodium);
        byte[] probe = {1};
        String phc = engine.hash(probe, new Argon2Parameters(8, 1, 1));
        if (!engine.verify(phc, probe)) throw new IllegalStateException("libsodium did not verify its own hash");
        return engine;
    }

    private static Sodium loadLibrary() {
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            // JNA's first library load otherwise runs `ldconfig -p` (a child process, on every start) to
            // learn where libraries live; these are the folders it would find on a Debian-like system,
            // and the dynamic loader still searches its own cache for any name JNA hands it.
            if (System.getProperty("jna.platform.library.path") == null) {
                String multiarch = System.getProperty("os.arch", "").equals("aarch64") ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
                System.setProperty("jna.platform.library.path", String.join(java.io.File.pathSeparator,
                        "/usr/lib/" + multiarch, "/lib/" + multiarch, "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib"));
            }
            try {
                return Native.load("libsodium.so.23", Sodium.class);   // Debian's and Ubuntu's libsodium23
            } catch (UnsatisfiedLinkError notThere) {
                // another version or place: JNA's own search below
            }
        }
        return Native.load("sodium", Sodium.class);
    }

    @Override
    public String hash(byte[] password, Argon2Parameters parameters) {
        if (parameters.parallelism() != 1) {
            throw new IllegalArgumentException("libsodium hashes with one lane only, not p=" + parameters.parallelism());
        }
        byte[] out = new byte[STRBYTES];
        int result;
        try (Memory secret = copyOf(password)) {
            result = sodium.crypto_pwhash_argon2id_str(out, secret, password.length, parameters.iterations(),
                    new SizeT(parameters.memoryKiB() * 1024L));
            secret.clear();
        }
        // libsodium fails a hash only when it cannot have the memory
        if (result != 0) throw new IllegalStateException("libsodium could not hash (out of memory?)");
        int end = 0;
        while (end < out.length && out[end] != 0) end++;
        return new String(out, 0, end, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(String phc, byte[] password) {
        // libsodium reads a C string: anything not well formed (an embedded NUL among it) stops here
        if (PhcString.parse(phc).isEmpty()) return false;
        byte[] str = (phc + '\0').getBytes(StandardCharsets.US_ASCII);
        try (Memory secret = copyOf(password)) {
            int result = sodium.crypto_pwhash_argon2id_str_verify(str, secret, password.length);
            secret.clear();
            return result == 0;
        }
    }

    /** The password in native memory that is wiped after use, rather than JNA's copy of an array, which is not. */
    private static Memory copyOf(byte[] password) {
        Memory memory = new Memory(Math.max(1, password.length));
        memory.write(0, password, 0, password.length);
        return memory;
    }

    @Override
    public String name() {
        return "libsodium";
    }

    @Override
    public boolean isNative() {
        return true;
    }
}
