package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.AccountAttributes.OwnChangeCommand;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UpdateUserAttributes, which serves two use cases: a new {@code email} goes through the address
 * change (a code to the new address, which replaces the old one only once proven:
 * {@link EmailChangeOperations}), every other attribute through {@link AccountAttributes}. The new
 * address's form is checked before anything is written, and the other attributes are written before
 * the code is sent, so a refused attribute sends no code.
 */
final class UpdateUserAttributesOperation {
    private final AccountAttributes attributes;
    private final EmailChangeOperations emailChange;

    UpdateUserAttributesOperation(AccountAttributes attributes, EmailChangeOperations emailChange) {
        this.attributes = attributes;
        this.emailChange = emailChange;
    }

    Map<String, Object> updateUserAttributes(CognitoRequest request, Context ctx) {
        String accessToken = request.required("AccessToken");
        List<CognitoRequest.Attribute> given = request.attributes("UserAttributes");
        if (given.isEmpty()) throw CognitoError.missing("UserAttributes");
        Optional<String> email = Optional.empty();
        Map<String, String> others = new LinkedHashMap<>();
        for (CognitoRequest.Attribute a : given) {
            // the last value of a name counts, as a map of the attributes would keep it
            if (a.name().equals(EmailChangeOperations.EMAIL)) email = Optional.of(a.value());
            else others.put(a.name(), a.value());
        }
        email.ifPresent(EmailAddress::parse);
        RequestContext context = RequestContexts.of(ctx);
        if (!others.isEmpty()) attributes.updateOwn(new OwnChangeCommand(accessToken, others, context));
        if (email.isEmpty()) return ordered("CodeDeliveryDetailsList", List.of());
        return emailChange.requestChange(accessToken, email.get(), context);
    }
}
