package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateUserPool, as far as this pool lets an operator change it: {@code Policies.SignInPolicy.AllowedFirstAuthFactors}
 * (kept in the database); any other member is refused, saying so, rather than ignored. And the
 * {@code Policies} member DescribeUserPool shows.
 */
final class SignInPolicyOperations {
    private static final Set<String> UPDATABLE = Set.of("UserPoolId", "Policies");

    private final ChoiceBasedSignIn signIn;
    private final LocalPool pool;

    SignInPolicyOperations(ChoiceBasedSignIn signIn, LocalPool pool) {
        this.signIn = signIn;
        this.pool = pool;
    }

    Map<String, Object> updateUserPool(CognitoRequest request, Context ctx) {
        pool.requireUserPool(request);
        for (String member : request.memberNames()) {
            if (!UPDATABLE.contains(member)) throw unsupported(member);
        }
        CognitoRequest policies = request.object("Policies").orElseThrow(() -> CognitoError.invalidParameter(
                "This pool's UpdateUserPool changes only Policies.SignInPolicy: send it."));
        for (String member : policies.memberNames()) {
            if (!member.equals("SignInPolicy")) throw unsupported("Policies." + member);
        }
        CognitoRequest signInPolicy = policies.object("SignInPolicy").orElseThrow(() -> CognitoError.invalidParameter(
                "This pool's UpdateUserPool changes only Policies.SignInPolicy: send it."));
        List<String> factors = signInPolicy.strings("AllowedFirstAuthFactors").orElseThrow(() -> CognitoError.invalidParameter(
                "Missing required parameter Policies.SignInPolicy.AllowedFirstAuthFactors"));
        EnumSet<AuthFactor> allowed = EnumSet.noneOf(AuthFactor.class);
        for (String f : factors) {
            if (f.equals("SMS_OTP")) {
                throw CognitoError.invalidParameter("SMS_OTP is not supported: this pool sends no text messages.");
            }
            if (!Set.of("PASSWORD", "EMAIL_OTP", "WEB_AUTHN").contains(f)) {
                throw CognitoError.invalidParameter("1 validation error detected: Value '[" + String.join(", ", factors)
                        + "]' at 'policies.signInPolicy.allowedFirstAuthFactors' failed to satisfy constraint: Member must"
                        + " satisfy constraint: [Member must satisfy enum value set: [PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN]]");
            }
            allowed.add(AuthFactor.parse(f));
        }
        if (!allowed.contains(AuthFactor.PASSWORD)) {
            throw CognitoError.invalidParameter("AllowedFirstAuthFactors must include PASSWORD.");
        }
        signIn.changePolicy(new SignInPolicy(allowed), RequestContexts.of(ctx));
        return ordered();
    }

    /** DescribeUserPool's {@code Policies}, with the sign-in policy in force. */
    Map<String, Object> policies() {
        return ordered("SignInPolicy", ordered("AllowedFirstAuthFactors",
                signIn.policy().allowedFirstFactors().stream().map(Enum::name).toList()));
    }

    private static CognitoError unsupported(String member) {
        return CognitoError.invalidParameter("This pool's UpdateUserPool changes only Policies.SignInPolicy;"
                + " " + member + " cannot be changed here (set the pool with USERPOOL_* settings).");
    }
}
