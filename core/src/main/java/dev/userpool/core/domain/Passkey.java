package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A passkey (WebAuthn credential) an account holds, as the pool keeps it: the credential id (base64url, as
 * WebAuthn's JSON spells it), the public key in COSE form, the authenticator's last sign count, and what
 * Cognito's ListWebAuthnCredentials shows (name, relying party, attachment, transports, when added).
 */
public record Passkey(String credentialId, UserId owner, byte[] publicKeyCose, long signCount, List<String> transports,
                      Optional<String> attachment, String friendlyName, String relyingPartyId, Instant createdAt,
                      Optional<Instant> lastUsedAt) {
    /** Cognito: "users can register up to 20 passkeys" per account. */
    public static final int MAX_PER_USER = 20;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,1364}");

    public Passkey {
        credentialId = requireCredentialId(credentialId);
        Objects.requireNonNull(owner, "owner");
        publicKeyCose = Objects.requireNonNull(publicKeyCose, "publicKeyCose").clone();
        if (signCount < 0 || signCount > 0xFFFF_FFFFL) throw new IllegalArgumentException("sign count out of range");
        transports = List.copyOf(transports);
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(relyingPartyId, "relyingPartyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A credential id as a caller gave it: base64url, at most 1023 bytes (WebAuthn's limit); else InvalidParameter. */
    public static String requireCredentialId(String id) {
        String s = id == null ? "" : id.strip();
        if (!BASE64URL.matcher(s).matches()) throw UserPoolException.invalidParameter("CredentialId", "is not a passkey credential id");
        return s;
    }

    @Override
    public byte[] publicKeyCose() {
        return publicKeyCose.clone();
    }

    /**
     * The sign count an assertion reports, if WebAuthn's rule lets it through (§6.1.1): when either count
     * is non-zero, the new one must be greater, else the credential may have been cloned and the sign-in
     * is refused. Authenticators that keep no counter report zero every time.
     */
    public boolean acceptsSignCount(long reported) {
        return (reported == 0 && signCount == 0) || reported > signCount;
    }

    /** The passkey after a sign-in that reported {@code count} at {@code at}. */
    public Passkey used(long count, Instant at) {
        return new Passkey(credentialId, owner, publicKeyCose, count, transports, attachment, friendlyName, relyingPartyId,
                createdAt, Optional.of(at));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Passkey p && credentialId.equals(p.credentialId) && owner.equals(p.owner)
                && Arrays.equals(publicKeyCose, p.publicKeyCose) && signCount == p.signCount && transports.equals(p.transports)
                && attachment.equals(p.attachment) && friendlyName.equals(p.friendlyName)
                && relyingPartyId.equals(p.relyingPartyId) && createdAt.equals(p.createdAt) && lastUsedAt.equals(p.lastUsedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(credentialId, owner, signCount);
    }

    @Override
    public String toString() {
        return "Passkey[credentialId=" + credentialId + ", owner=" + owner + ", signCount=" + signCount + ", name="
                + friendlyName + "]";
    }
}
