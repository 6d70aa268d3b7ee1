package dev.userpool.core.port.out;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.User;

/**
 * Changes of an account's address that wait for proof, as Cognito keeps them with "keep original
 * attribute value active when an update is pending": until the code sent to the new address is proven,
 * the account keeps its address (its sign-in name) and that address stays verified. Each method is
 * handed the account as the core read it from the access token, and the token itself, which a
 * directory that acts for the user (Cognito's {@code UpdateUserAttributes}) needs; a directory that
 * keeps the accounts itself may ignore it. Every method fails with a
 * {@link dev.userpool.core.domain.UserPoolException}; codes obey the same limits as confirmation codes.
 */
public interface EmailChanges {

    /**
     * Keeps {@code newEmail} pending for the account, replacing any earlier pending address and its
     * code, and emails a code to it. Whether another account has that address is not told here (only a
     * proven code may learn it, see {@link #verify}). {@code LimitExceeded} when the account asked for
     * too many codes this hour.
     */
    CodeDelivery request(User account, EmailAddress newEmail, String accessToken);

    /**
     * Emails a new code, replacing the last one: to the pending address, or, with no change pending, to
     * the account's own address (so that an unverified one can be verified).
     */
    CodeDelivery resendCode(User account, String accessToken);

    /**
     * Checks the code and uses it up. With a change pending, the pending address becomes the account's,
     * verified; without, the account's own address becomes verified. Returns the account after.
     * {@code CodeMismatch} for a wrong code (or none sent), {@code ExpiredCode} for one past its time,
     * {@code LimitExceeded} after too many attempts, and {@code UsernameExists} when the proven address
     * has become another account's meanwhile (the pending change is then dropped).
     */
    User verify(User account, ConfirmationCode code, String accessToken);
}
