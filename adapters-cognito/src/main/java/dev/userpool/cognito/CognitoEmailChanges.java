package dev.userpool.cognito;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.EmailChanges;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;

/**
 * Address changes in a Cognito user pool, by the user's own access token: UpdateUserAttributes with
 * the new {@code email}, GetUserAttributeVerificationCode, VerifyUserAttribute. Cognito keeps the
 * pending address, its code, the code's lifetime and the attempt limits. The pool must auto-verify
 * email and keep the original address while an update is pending
 * ({@code UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate = [email]}); otherwise
 * Cognito changes the address at once, unverified. Cognito may refuse an address another account has
 * already at UpdateUserAttributes ({@code AliasExistsException}), before any code: that is Cognito's
 * answer and it is passed on as {@code UsernameExists}.
 */
public final class CognitoEmailChanges implements EmailChanges {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoEmailChanges.class);

    private final CognitoIdentityProviderClient cognito;
    private final CognitoUserListing listing;

    public CognitoEmailChanges(CognitoIdentityProviderClient cognito, CognitoPool pool) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.listing = new CognitoUserListing(cognito, pool.userPoolId());
    }

    @Override
    public CodeDelivery request(User account, EmailAddress newEmail, String accessToken) {
        List<CodeDeliveryDetailsType> sent = CognitoSdkFailures.call("UpdateUserAttributes", () -> cognito.updateUserAttributes(b -> b
                .accessToken(accessToken)
                .userAttributes(AttributeType.builder().name(CognitoUsers.EMAIL).value(newEmail.value()).build())),
                accessToken).codeDeliveryDetailsList();
        if (sent == null || sent.isEmpty()) {
            LOG.warn("Cognito sent no code for a new address: the pool does not auto-verify email, so the address"
                    + " changed at once, unverified");
            return CodeDelivery.email(newEmail);
        }
        // Cognito says where the code went; it is the new address (an emulator may name the old one: shown masked)
        return CognitoUsers.delivery(sent.get(0), newEmail);
    }

    @Override
    public CodeDelivery resendCode(User account, String accessToken) {
        CodeDeliveryDetailsType sent = CognitoSdkFailures.call("GetUserAttributeVerificationCode",
                () -> cognito.getUserAttributeVerificationCode(b -> b.accessToken(accessToken)
                        .attributeName(CognitoUsers.EMAIL)), accessToken).codeDeliveryDetails();
        return sent == null ? CodeDelivery.email(account.email()) : CognitoUsers.delivery(sent, account.email());
    }

    /** VerifyUserAttribute, then the account as Cognito has it now (by its {@code sub}). */
    @Override
    public User verify(User account, ConfirmationCode code, String accessToken) {
        CognitoSdkFailures.call("VerifyUserAttribute", () -> cognito.verifyUserAttribute(b -> b
                .accessToken(accessToken).attributeName(CognitoUsers.EMAIL).code(code.reveal())),
                accessToken, code.reveal());
        return listing.findBySub(account.id()).orElseThrow(() -> new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                "Cognito does not show the account after its address was verified."));
    }
}
