package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.authenticationResult;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.ChallengeSignInCommand;
import dev.userpool.core.port.in.Authentication.StartSignInCommand;
import dev.userpool.core.port.in.Authentication.CurrentUser;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * InitiateAuth ({@code USER_SRP_AUTH}, {@code USER_PASSWORD_AUTH}, {@code REFRESH_TOKEN_AUTH}) and
 * RespondToAuthChallenge ({@code PASSWORD_VERIFIER}). Everything that decides goes through the core's
 * sign-in and refresh use cases, SRP's first step too ({@link Authentication#startSignIn}).
 */
final class AuthOperations {
    private static final String FLOWS = "USER_SRP_AUTH, USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, USER_AUTH";
    static final String SRP_OFF = "USER_SRP_AUTH flow not enabled for this client: this pool keeps no SRP verifiers"
            + " (USERPOOL_SRP=off); sign in with USER_PASSWORD_AUTH.";

    private final Authentication authentication;
    private final boolean servesSrp;
    private final LocalPool pool;
    private final NewPasswordChallenge newPassword;
    private final Optional<UserAuthOperations> userAuth;
    private final MfaOperations mfa;

    /**
     * @param srp whether the pool answers {@code USER_SRP_AUTH} ({@code USERPOOL_SRP}); off, it is refused as Cognito refuses a flow a client lacks
     * @param mfa the second-factor challenges' answers (issue 14)
     * @param userAuth choice-based sign-in ({@code USER_AUTH}, issue 14), where the pool serves it
     */
    AuthOperations(Authentication authentication, boolean srp, LocalPool pool, MfaOperations mfa,
                   Optional<UserAuthOperations> userAuth) {
        this.userAuth = userAuth;
        this.authentication = authentication;
        this.mfa = mfa;
        this.servesSrp = srp;
        this.pool = pool;
        this.newPassword = new NewPasswordChallenge(authentication, pool);
    }

    Map<String, Object> initiateAuth(CognitoRequest request, Context ctx) {
        AppClient client = pool.requireClient(request);
        String flow = request.required("AuthFlow");
        Map<String, String> parameters = request.map("AuthParameters");
        RequestContext context = LocalPool.through(client, RequestContexts.of(ctx));
        // each flow only when the client's ExplicitAuthFlows allow it, with Cognito's refusal otherwise
        return switch (flow) {
            case "USER_SRP_AUTH" -> {
                LocalPool.requireFlow(client, AppClientRules.ALLOW_USER_SRP_AUTH, flow);
                yield passwordVerifierChallenge(client, parameters, context);
            }
            case "USER_PASSWORD_AUTH" -> {
                LocalPool.requireFlow(client, AppClientRules.ALLOW_USER_PASSWORD_AUTH, flow);
                yield signInWithPassword(client, parameters, context);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                LocalPool.requireFlow(client, AppClientRules.ALLOW_REFRESH_TOKEN_AUTH, flow);
                yield refresh(client, parameters, context);
            }
            case "USER_AUTH" -> userAuth(client, parameters, context);   // choice-based sign-in (issue 14)
            default -> throw CognitoError.invalidParameter("Unsupported AuthFlow " + flow + ": this pool serves " + FLOWS + ".");
        };
    }

    /** {@code USER_AUTH}'s first step: InitiateAuth's, and AdminInitiateAuth's (AdminAuthOperations). */
    Map<String, Object> userAuth(AppClient client, Map<String, String> parameters, RequestContext context) {
        LocalPool.requireFlow(client, AppClientRules.ALLOW_USER_AUTH, "USER_AUTH");
        return userAuth.orElseThrow(() -> CognitoError.invalidParameter("Unsupported AuthFlow USER_AUTH: this pool serves "
                + FLOWS + ".")).initiate(client, parameters, context);
    }

    private Map<String, Object> passwordVerifierChallenge(AppClient client, Map<String, String> parameters, RequestContext context) {
        String username = required(parameters, "USERNAME");
        String srpA = required(parameters, "SRP_A");
        LocalPool.requireSecretHash(client, Optional.ofNullable(parameters.get("SECRET_HASH")), username);
        if (!servesSrp) throw CognitoError.invalidParameter(SRP_OFF);
        // The request context's source address is the socket's (RequestContexts), never a forwarded header:
        // each address has its share of pending challenges.
        PasswordVerifierChallenge c = authentication.startSignIn(new StartSignInCommand(username, srpA, context));
        Map<String, Object> challengeParameters = new LinkedHashMap<>();
        challengeParameters.put("SALT", c.salt());
        challengeParameters.put("SECRET_BLOCK", c.secretBlock());
        challengeParameters.put("SRP_B", c.srpB());
        challengeParameters.put("USERNAME", c.username());
        challengeParameters.put("USER_ID_FOR_SRP", c.userIdForSrp());
        // Like Cognito, no Session: the SECRET_BLOCK, handed back signed, names the pending challenge.
        return ordered("ChallengeName", PasswordVerifierChallenge.NAME, "ChallengeParameters", challengeParameters);
    }

    /** USERNAME and PASSWORD: InitiateAuth's USER_PASSWORD_AUTH, and AdminInitiateAuth's ADMIN_USER_PASSWORD_AUTH (AdminAuthOperations). */
    Map<String, Object> signInWithPassword(AppClient client, Map<String, String> parameters, RequestContext context) {
        String username = required(parameters, "USERNAME");
        String password = required(parameters, "PASSWORD");
        LocalPool.requireSecretHash(client, Optional.ofNullable(parameters.get("SECRET_HASH")), username);
        // a temporary password's sign-in answers NEW_PASSWORD_REQUIRED instead of tokens
        return NewPasswordChallenge.answerOf(authentication.signInStep(new SignInCommand(username, password,
                context)));
    }

    /**
     * With a client secret, Cognito wants SECRET_HASH over the token owner's username, which an opaque
     * refresh token does not name: it is checked once the tokens say whose they are (sub or address).
     * Also AdminInitiateAuth's REFRESH_TOKEN_AUTH.
     */
    Map<String, Object> refresh(AppClient client, Map<String, String> parameters, RequestContext context) {
        String refreshToken = required(parameters, "REFRESH_TOKEN");
        Optional<String> secretHash = Optional.ofNullable(parameters.get("SECRET_HASH"));
        if (client.confidential() && secretHash.isEmpty()) LocalPool.requireSecretHash(client, secretHash);   // a missing hash is refused at once
        Tokens tokens = authentication.refresh(new TokenCommand(refreshToken, context));
        if (client.confidential()) {
            CurrentUser owner = authentication.currentUser(tokens.idToken());
            LocalPool.requireSecretHash(client, secretHash, owner.userId().value(), owner.email().value());
        }
        return authenticationResult(tokens);
    }

    /** GetTokensFromRefreshToken: a refresh where a client with a secret sends the secret itself, not a hash. */
    Map<String, Object> getTokensFromRefreshToken(CognitoRequest request, Context ctx) {
        String refreshToken = request.required("RefreshToken");
        AppClient client = pool.requireClient(request);
        LocalPool.requireClientSecret(client, request.optional("ClientSecret"));
        Tokens tokens = authentication.refresh(new TokenCommand(refreshToken, LocalPool.through(client, RequestContexts.of(ctx))));
        return ordered("AuthenticationResult", authenticationResult(tokens).get("AuthenticationResult"));
    }

    Map<String, Object> respondToAuthChallenge(CognitoRequest request, Context ctx) {
        return answerChallenge(request, RequestContexts.of(ctx));
    }

    /** RespondToAuthChallenge and AdminRespondToAuthChallenge (AdminAuthOperations): every challenge is answered here. */
    Map<String, Object> answerChallenge(CognitoRequest request, RequestContext requestContext) {
        AppClient client = pool.requireClient(request);
        RequestContext context = LocalPool.through(client, requestContext);
        String challengeName = request.required("ChallengeName");
        Map<String, String> responses = request.map("ChallengeResponses");
        if (NewPasswordRequired.NAME.equals(challengeName)) return newPassword.answer(client, responses, request.optional("Session"), context);
        if (userAuth.isPresent() && UserAuthOperations.CHALLENGES.contains(challengeName)) {   // USER_AUTH (issue 14)
            return userAuth.get().respond(client, challengeName, responses, request.optional("Session"), context);
        }
        Optional<MfaRequired.Kind> secondFactor = MfaRequired.Kind.named(challengeName);   // issue 14, TOTP
        if (secondFactor.isPresent()) return mfa.answer(client, secondFactor.get(), responses, request.optional("Session"), context);
        if (!PasswordVerifierChallenge.NAME.equals(challengeName)) {
            throw CognitoError.invalidParameter("Unsupported ChallengeName " + challengeName
                    + ": this pool poses PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA and MFA_SETUP.");
        }
        String username = required(responses, "USERNAME");
        String secretBlock = required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        required(responses, "TIMESTAMP");
        required(responses, "PASSWORD_CLAIM_SIGNATURE");
        // the name the challenge was begun with: the address the user typed, for the audit trail and SECRET_HASH
        Optional<String> challenged = authentication.challengedName(secretBlock);
        LocalPool.requireSecretHash(client, Optional.ofNullable(responses.remove("SECRET_HASH")), username, challenged.orElse(null));
        return NewPasswordChallenge.answerOf(authentication.signInStep(new ChallengeSignInCommand(challenged.orElse(username),
                new ChallengeAnswer(PasswordVerifierChallenge.NAME, secretBlock, responses), context)));
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) throw CognitoError.invalidParameter("Missing required parameter " + name);
        return value;
    }
}
