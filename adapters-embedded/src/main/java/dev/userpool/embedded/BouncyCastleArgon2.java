package dev.userpool.embedded;

import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/** Pure-Java Argon2id from Bouncy Castle, for machines where libargon2 cannot load. */
final class BouncyCastleArgon2 implements Argon2Engine {
    private final SecureRandom random = new SecureRandom();

    @Override
    public String hash(byte[] password, Argon2Parameters parameters) {
        byte[] salt = new byte[NativeArgon2.SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, parameters, salt, NativeArgon2.HASH_BYTES);
        return new PhcString(parameters, salt, hash).format();
    }

    @Override
    public boolean verify(String phc, byte[] password) {
        return PhcString.parse(phc)
                .map(p -> MessageDigest.isEqual(p.hash(), derive(password, p.parameters(), p.salt(), p.hash().length)))
                .orElse(false);
    }

    private static byte[] derive(byte[] password, Argon2Parameters p, byte[] salt, int length) {
        var parameters = new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String name() {
        return "bouncy-castle";
    }

    @Override
    public boolean isNative() {
        return false;
    }
}
