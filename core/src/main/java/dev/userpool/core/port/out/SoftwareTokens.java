package dev.userpool.core.port.out;

import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;

/**
 * The accounts' authenticator apps (TOTP, RFC 6238: SHA-1, six digits, 30 seconds, one step either side)
 * and their MFA settings. The secrets are the store's: they leave it once, from {@link #associate}, and
 * are kept so that reading the store's files does not reveal them. An unknown account is
 * {@code UserNotFound} throughout.
 */
public interface SoftwareTokens {

    /**
     * A new secret for the account's app, pending until a code proves it ({@link #verify}); it replaces an
     * earlier pending one. An app already verified keeps working until the new one is verified.
     */
    SoftwareTokenSecret associate(UserId user);

    /**
     * Proves the pending secret with a code of the app: it becomes the account's app (verified; whether it
     * is on for sign-in stays as set). A wrong code is {@code EnableSoftwareTokenMFA} and leaves the secret
     * pending; no pending secret is {@code InvalidParameter}. A code's time step is accepted once.
     */
    MfaSettings verify(UserId user, TotpCode code);

    /**
     * {@link #associate(UserId)} on the word of the account's holder, whose access token the use case has
     * checked: for a store that acts as the holder (Amazon Cognito's AssociateSoftwareToken takes the user's
     * access token, not an id). A store that acts by id ignores the token.
     */
    default SoftwareTokenSecret associate(UserId user, String accessToken) {
        return associate(user);
    }

    /** {@link #verify(UserId, TotpCode)} on the word of the account's holder, as {@link #associate(UserId, String)}. */
    default MfaSettings verify(UserId user, String accessToken, TotpCode code) {
        return verify(user, code);
    }

    /** The account's settings; {@link MfaSettings#NONE} for an account without an app. */
    MfaSettings settings(UserId user);

    /**
     * Stores the holder's (or an operator's) choice, by {@link MfaSettings#with}'s rules; returns the settings after it.
     * A store that knows the pool's MFA setting applies {@link MfaSettings#with(SoftwareTokenPreference, dev.userpool.core.domain.MfaMode)}:
     * where MFA is required, a verified app cannot be turned off.
     */
    MfaSettings setPreference(UserId user, SoftwareTokenPreference choice);

    /** Removes the account's app, verified or pending, and its settings; false when it had none. */
    boolean remove(UserId user);
}
