package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps secrets the pool must read back (authenticator-app secrets) encrypted at rest: AES-256-GCM under a
 * key in its own file beside the database, owner-only (0600), made on first use. Whoever copies the
 * database alone gets no secret; each sealed value is bound to its account (the account id is the
 * associated data), so it cannot be moved onto another.
 *
 * <p>A backup must carry the key file with the database, or the apps set up cannot be checked after a
 * restore (they are then set up again).
 */
final class SecretSealer {
    static final String KEY_FILE = "mfa-secrets.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;

    private SecretSealer(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The sealer of the database's folder: its key file, made (0600) when missing. */
    static SecretSealer beside(EmbeddedDatabase db) {
        return ofKeyFile(db.file().resolveSibling(KEY_FILE));
    }

    static SecretSealer ofKeyFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (Files.notExists(file)) {
                byte[] fresh = new byte[KEY_BYTES];
                OpaqueTokens.random().nextBytes(fresh);
                try {
                    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    } else {
                        Files.createFile(file);
                    }
                    Files.write(file, fresh);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it meanwhile: its key is the one
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != KEY_BYTES) {
                throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The MFA secrets key file " + file.getFileName()
                        + " is not a " + KEY_BYTES + "-byte key.");
            }
            return new SecretSealer(key);
        } catch (IOException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cannot read or create the MFA secrets key file.", e);
        }
    }

    /** A fresh nonce and the ciphertext with its tag, bound to {@code owner}. */
    byte[] seal(byte[] plain, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        OpaqueTokens.random().nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, owner, plain);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** The secret {@link #seal} sealed for {@code owner}; refused for another owner, another key or altered bytes. */
    byte[] open(byte[] sealed, String owner) {
        if (sealed.length <= NONCE_BYTES) throw unusable();
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return run(Cipher.DECRYPT_MODE, nonce, owner, body);
    }

    private byte[] run(int mode, byte[] nonce, String owner, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw unusable();
        }
    }

    private static UserPoolException unusable() {
        // no cause: nothing of the secret or the key may reach a log
        return new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                "A stored MFA secret cannot be read with this data directory's key (" + KEY_FILE + ").");
    }

    @Override
    public String toString() {
        return "SecretSealer[key=***]";
    }
}
