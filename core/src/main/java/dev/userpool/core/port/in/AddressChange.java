package dev.userpool.core.port.in;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import java.util.Optional;

/**
 * An account holder changes the account's address, proving the new one with a code (Cognito's
 * {@code UpdateUserAttributes} with {@code email}, {@code VerifyUserAttribute} and
 * {@code GetUserAttributeVerificationCode}). Until the code is proven the old address stays the
 * account's, for signing in too; tokens issued before keep working.
 */
public interface AddressChange {

    /**
     * Asks for {@code newEmail}: a code goes to it, and where it went is answered. Empty when the
     * address given already is the account's: nothing changes and no code is sent.
     */
    Optional<CodeDelivery> request(RequestCommand command);

    /**
     * Proves the code: the pending address becomes the account's, verified (or, with none pending, the
     * account's own address becomes verified). Returns the account after.
     */
    User verify(VerifyCommand command);

    /** Sends the code again: to the pending address, or, with none, to the account's own. */
    CodeDelivery resendCode(Authentication.TokenCommand command);

    /** The access token never prints. */
    record RequestCommand(String accessToken, String newEmail, RequestContext context) {
        @Override
        public String toString() {
            return "RequestCommand[accessToken=***, newEmail=" + newEmail + "]";
        }
    }

    /** Neither the access token nor the code prints. */
    record VerifyCommand(String accessToken, String code, RequestContext context) {
        @Override
        public String toString() {
            return "VerifyCommand[accessToken=***, code=***]";
        }
    }
}
