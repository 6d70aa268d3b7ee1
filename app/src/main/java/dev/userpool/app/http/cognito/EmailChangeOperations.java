package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.delivery;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AddressChange;
import dev.userpool.core.port.in.AddressChange.RequestCommand;
import dev.userpool.core.port.in.AddressChange.VerifyCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changing and verifying the address with the user's access token, as a pool that keeps the original
 * address active while an update is pending: UpdateUserAttributes with {@code email} (a code to the new
 * address, in {@code CodeDeliveryDetailsList}), VerifyUserAttribute and GetUserAttributeVerificationCode
 * for {@code email}, through the {@link AddressChange} use cases.
 */
final class EmailChangeOperations {
    static final String EMAIL = "email";
    /** Cognito's name for a proven address that another account has meanwhile. */
    static final String ALIAS_EXISTS = "AliasExistsException";

    private final AddressChange addressChange;

    EmailChangeOperations(AddressChange addressChange) {
        this.addressChange = addressChange;
    }

    /**
     * The {@code email} path of UpdateUserAttributes ({@link UpdateUserAttributesOperation}): a code to
     * the new address, listed in {@code CodeDeliveryDetailsList}; none when the address is the account's own.
     */
    Map<String, Object> requestChange(String accessToken, String email, RequestContext context) {
        Optional<CodeDelivery> sent = addressChange.request(new RequestCommand(accessToken, email, context));
        return ordered("CodeDeliveryDetailsList", sent.map(d -> List.of(delivery(d))).orElse(List.of()));
    }

    Map<String, Object> verifyUserAttribute(CognitoRequest request, Context ctx) {
        String accessToken = request.required("AccessToken");
        requireEmail(request.required("AttributeName"));
        String code = request.required("Code");
        try {
            addressChange.verify(new VerifyCommand(accessToken, code, RequestContexts.of(ctx)));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USERNAME_EXISTS) throw new CognitoError(ALIAS_EXISTS, e.getMessage());
            throw e;
        }
        return Map.of();
    }

    Map<String, Object> getUserAttributeVerificationCode(CognitoRequest request, Context ctx) {
        String accessToken = request.required("AccessToken");
        requireEmail(request.required("AttributeName"));
        CodeDelivery sent = addressChange.resendCode(new TokenCommand(accessToken, RequestContexts.of(ctx)));
        return ordered("CodeDeliveryDetails", delivery(sent));
    }

    /** This pool verifies one attribute: the address (it keeps no phone numbers). */
    private static void requireEmail(String attributeName) {
        if (!attributeName.equals(EMAIL)) {
            throw CognitoError.invalidParameter("This local user pool verifies the attribute email only, not "
                    + attributeName + ".");
        }
    }
}
