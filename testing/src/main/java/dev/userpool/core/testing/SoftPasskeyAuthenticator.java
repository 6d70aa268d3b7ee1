package dev.userpool.core.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebAuthn authenticator in software, for tests: it answers the pool's creation and request options
 * (its JSON) as a browser with a platform passkey would — a {@code none} attestation of a fresh P-256 key,
 * and ES256 assertions with a sign count that goes up by one each time — and lets a test tamper with what
 * it says: the origin in the client data, the relying party id it hashes, the sign count, the user-verified flag.
 * JDK only (CBOR written by hand), so the core's, the adapters' and the app's tests can all use it.
 */
public final class SoftPasskeyAuthenticator {
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte AT = 0x40;

    /** One passkey this authenticator holds. */
    public static final class Credential {
        final byte[] id;
        final KeyPair keys;
        final String rpId;
        final byte[] userHandle;
        long signCount;

        Credential(byte[] id, KeyPair keys, String rpId, byte[] userHandle) {
            this.id = id;
            this.keys = keys;
            this.rpId = rpId;
            this.userHandle = userHandle;
        }

        public String id() {
            return b64(id);
        }

        public long signCount() {
            return signCount;
        }

        /** Sets the counter the next assertion counts on from (it reports this plus one). */
        public void signCount(long count) {
            this.signCount = count;
        }
    }

    private final String origin;
    private final List<Credential> credentials = new ArrayList<>();
    private String originOverride;
    private String rpIdOverride;
    private boolean userVerified = true;

    public SoftPasskeyAuthenticator(String origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** The origin the next ceremonies claim in their client data (a phishing page's, say). */
    public SoftPasskeyAuthenticator claimingOrigin(String other) {
        this.originOverride = other;
        return this;
    }

    /** The relying party id the next ceremonies hash into the authenticator data. */
    public SoftPasskeyAuthenticator hashingRpId(String other) {
        this.rpIdOverride = other;
        return this;
    }

    public SoftPasskeyAuthenticator verifyingUser(boolean verified) {
        this.userVerified = verified;
        return this;
    }

    public List<Credential> credentials() {
        return List.copyOf(credentials);
    }

    /** Answers {@code navigator.credentials.create(options)}: a {@code RegistrationResponseJSON}. */
    public String register(String creationOptionsJson) {
        String challenge = field(creationOptionsJson, "\"challenge\"\\s*:\\s*\"([^\"]+)\"");
        String rpId = field(creationOptionsJson, "\"rp\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"");
        String userId = field(creationOptionsJson, "\"user\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] id = new byte[16];
            new java.security.SecureRandom().nextBytes(id);
            Credential credential = new Credential(id, generator.generateKeyPair(), rpId, Base64.getUrlDecoder().decode(userId));
            byte[] clientData = clientData("webauthn.create", challenge);
            ByteArrayOutputStream authData = new ByteArrayOutputStream();
            authData.write(rpIdHash(rpId));
            authData.write(UP | (userVerified ? UV : 0) | AT);
            authData.write(ByteBuffer.allocate(4).putInt(0).array());
            authData.write(new byte[16]);                                       // AAGUID: none
            authData.write(ByteBuffer.allocate(2).putShort((short) id.length).array());
            authData.write(id);
            authData.write(coseKey((ECPublicKey) credential.keys.getPublic()));
            Cbor attestation = new Cbor().map(3).text("fmt").text("none").text("attStmt").map(0)
                    .text("authData").bytes(authData.toByteArray());
            credentials.add(credential);
            return "{\"id\":\"" + b64(id) + "\",\"rawId\":\"" + b64(id) + "\",\"type\":\"public-key\","
                    + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{},"
                    + "\"response\":{\"clientDataJSON\":\"" + b64(clientData) + "\",\"attestationObject\":\""
                    + b64(attestation.done()) + "\",\"transports\":[\"internal\"]}}";
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code navigator.credentials.get(options)} with the latest passkey for the options' relying party. */
    public String assertion(String requestOptionsJson) {
        String rpId = field(requestOptionsJson, "\"rpId\"\\s*:\\s*\"([^\"]+)\"");
        Credential credential = null;
        for (Credential c : credentials) if (c.rpId.equals(rpId)) credential = c;
        if (credential == null) throw new IllegalStateException("no passkey for " + rpId);
        return assertion(requestOptionsJson, credential);
    }

    /** An assertion by {@code credential}, whichever relying party it was made for. */
    public String assertion(String requestOptionsJson, Credential credential) {
        String challenge = field(requestOptionsJson, "\"challenge\"\\s*:\\s*\"([^\"]+)\"");
        try {
            credential.signCount++;
            byte[] clientData = clientData("webauthn.get", challenge);
            ByteArrayOutputStream authData = new ByteArrayOutputStream();
            authData.write(rpIdHash(credential.rpId));
            authData.write(UP | (userVerified ? UV : 0));
            authData.write(ByteBuffer.allocate(4).putInt((int) credential.signCount).array());
            byte[] data = authData.toByteArray();
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(credential.keys.getPrivate());
            signer.update(data);
            signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            return "{\"id\":\"" + credential.id() + "\",\"rawId\":\"" + credential.id() + "\",\"type\":\"public-key\","
                    + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{},"
                    + "\"response\":{\"clientDataJSON\":\"" + b64(clientData) + "\",\"authenticatorData\":\"" + b64(data)
                    + "\",\"signature\":\"" + b64(signer.sign()) + "\",\"userHandle\":\"" + b64(credential.userHandle) + "\"}}";
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] clientData(String type, String challenge) {
        String claimed = originOverride == null ? origin : originOverride;
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + claimed
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] rpIdHash(String rpId) throws GeneralSecurityException {
        String hashed = rpIdOverride == null ? rpId : rpIdOverride;
        return MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.UTF_8));
    }

    /** The EC2 COSE key: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
    private static byte[] coseKey(ECPublicKey key) {
        return new Cbor().map(5).integer(1).integer(2).integer(3).integer(-7).integer(-1).integer(1)
                .integer(-2).bytes(fixed(key.getW().getAffineX())).integer(-3).bytes(fixed(key.getW().getAffineY())).done();
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) throw new IllegalArgumentException("not in the options: " + regex);
        return m.group(1);
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Cbor head(int major, long n) {
            if (n < 24) out.write(major << 5 | (int) n);
            else if (n < 256) { out.write(major << 5 | 24); out.write((int) n); }
            else { out.write(major << 5 | 25); out.write((int) (n >> 8)); out.write((int) n); }
            return this;
        }

        Cbor integer(long n) {
            return n >= 0 ? head(0, n) : head(1, -1 - n);
        }

        Cbor bytes(byte[] b) {
            head(2, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(3, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor map(int entries) {
            return head(5, entries);
        }

        byte[] done() {
            return out.toByteArray();
        }
    }
}
