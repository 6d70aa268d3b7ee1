package dev.userpool.embedded;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/** libargon2 through argon2-jvm (JNA): the reference implementation, several times faster than Java. */
final class NativeArgon2 implements Argon2Engine {
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final Argon2 argon2;

    private NativeArgon2(Argon2 argon2) {
        this.argon2 = argon2;
    }

    /**
     * Loads the library and proves it works with one tiny hash: JNA loads lazily, so a missing or
     * incompatible library would otherwise only show at the first sign-up.
     */
    static NativeArgon2 load() {
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
        argon2.hash(1, 8, 1, new byte[] {1});
        return new NativeArgon2(argon2);
    }

    @Override
    public String hash(byte[] password, Argon2Parameters p) {
        return argon2.hash(p.iterations(), p.memoryKiB(), p.parallelism(), password);
    }

    @Override
    public boolean verify(String phc, byte[] password) {
        if (PhcString.parse(phc).isEmpty()) return false;
        try {
            return argon2.verify(phc, password);
        } catch (IllegalStateException e) {
            return false;   // libargon2 refused the string (e.g. a parameter it does not support)
        }
    }

    @Override
    public String name() {
        return "argon2-jvm";
    }

    @Override
    public boolean isNative() {
        return true;
    }
}
