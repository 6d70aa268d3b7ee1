package dev.userpool.cognito;

import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.Authenticator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Sign-in and sessions on a Cognito user pool through its app client.
 *
 * <ul>
 * <li>Sign-in with {@code USER_SRP_AUTH} (InitiateAuth, then RespondToAuthChallenge answering
 *     {@code PASSWORD_VERIFIER} with an SRP proof, so the password never leaves this process), or with
 *     {@code USER_PASSWORD_AUTH} when configured, or server-side with AdminInitiateAuth
 *     ({@code ADMIN_USER_PASSWORD_AUTH}, {@link SignInFlow#ADMIN_USER_PASSWORD_AUTH}). Any other challenge Cognito poses (a new password,
 *     MFA, …) is a {@code NotAuthorized} naming it: this service cannot answer it.</li>
 * <li>{@code SECRET_HASH} on every call that names a user when the app client has a secret; in
 *     RespondToAuthChallenge it is computed over the challenge's {@code USERNAME}, which for pools with
 *     email usernames is the user's internal name (the {@code sub}), not the address.</li>
 * <li>Refresh: the port gives only the refresh token. InitiateAuth({@code REFRESH_TOKEN_AUTH}) with a
 *     client secret wants a {@code SECRET_HASH} over the token owner's internal username, which the
 *     opaque (encrypted) refresh token does not reveal. Cognito's GetTokensFromRefreshToken takes the
 *     client secret itself instead of a hash, so a client with a secret refreshes through it; one
 *     without a secret uses {@code REFRESH_TOKEN_AUTH}.</li>
 * <li>Cognito does not end a user's sessions when the password changes or is reset, but the port
 *     promises it: ChangePassword is followed by GlobalSignOut with the same access token (all of the
 *     user's refresh tokens, this session's included, stop working; its current access and ID tokens
 *     expire within the hour), ConfirmForgotPassword by AdminUserGlobalSignOut.</li>
 * </ul>
 */
public final class CognitoAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoAuthenticator.class);

    private final CognitoIdentityProviderClient cognito;
    private final CognitoPool pool;
    private final AppClient appClient;
    private final SignInFlow flow;
    private final SrpClient srp;

    public CognitoAuthenticator(CognitoIdentityProviderClient cognito, CognitoPool pool, AppClient appClient,
                                SignInFlow flow, Clock clock) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.appClient = Objects.requireNonNull(appClient, "appClient");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.srp = new SrpClient(pool.userPoolId(), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public SignedIn signIn(EmailAddress email, Password password) {
        SignInStep step = signInStep(email, password);
        if (step instanceof SignedIn signedIn) return signedIn;
        if (step instanceof dev.userpool.core.domain.MfaRequired mfa) {
            // a caller that cannot pose challenges (signInStep poses them) hears which one Cognito asked
            throw UserPoolException.notAuthorized("Sign-in needs " + mfa.kind().name() + ", which this sign-in cannot answer.")
                    .concerning(step.principal());
        }
        throw UserPoolException.notAuthorized("A new password is required.").concerning(step.principal());
    }

    /**
     * Cognito's own answer decides: tokens, or its {@code NEW_PASSWORD_REQUIRED} challenge (for an account an
     * administrator created or gave a temporary password), whose session is Cognito's and is answered by
     * {@link #completeNewPassword}. Cognito checks the temporary password's expiry itself.
     */
    @Override
    public SignInStep signInStep(EmailAddress email, Password password) {
        Answer answer;
        try {
            answer = switch (flow) {
                case USER_SRP_AUTH -> signInWithSrp(email, password);
                case USER_PASSWORD_AUTH -> signInWithPassword(email, password);
                case ADMIN_USER_PASSWORD_AUTH -> signInAsAdmin(email, password);
            };
        } catch (UserPoolException e) {
            throw namingTheAccount(e, email);
        }
        if (answer.result() != null) return CognitoTokens.signedIn(answer.result());
        if (answer.challenge() == ChallengeNameType.NEW_PASSWORD_REQUIRED && answer.session() != null) {
            User user = CognitoUsers.from(CognitoSdkFailures.call("AdminGetUser", () -> cognito.adminGetUser(b -> b
                    .userPoolId(pool.userPoolId()).username(email.value()))));
            return new NewPasswordRequired(user, answer.session());
        }
        // issue 14, TOTP: Cognito asks the account's authenticator app (or, where the pool requires MFA, to set one up)
        java.util.Optional<dev.userpool.core.domain.MfaRequired.Kind> secondFactor =
                dev.userpool.core.domain.MfaRequired.Kind.named(answer.challengeName());
        if (secondFactor.isPresent() && answer.session() != null) {
            User user = CognitoUsers.from(CognitoSdkFailures.call("AdminGetUser", () -> cognito.adminGetUser(b -> b
                    .userPoolId(pool.userPoolId()).username(email.value()))));
            return new dev.userpool.core.domain.MfaRequired(user, secondFactor.get(), answer.session());
        }
        throw unhandled(answer.challengeName());
    }

    /**
     * Issue 14, TOTP: RespondToAuthChallenge with {@code SOFTWARE_TOKEN_MFA} (the app's code) or
     * {@code MFA_SETUP}; Cognito checks the session and the code, and counts wrong codes.
     */
    @Override
    public SignedIn answerMfa(dev.userpool.core.domain.MfaAnswer answer) {
        String username = answer.user().email().value();
        Map<String, String> responses = new java.util.HashMap<>(Map.of("USERNAME", username));
        answer.code().ifPresent(code -> responses.put("SOFTWARE_TOKEN_MFA_CODE", code.value()));
        Map<String, String> signed = withSecretHash(username, responses);
        RespondToAuthChallengeResponse answered = CognitoSdkFailures.call("RespondToAuthChallenge",
                () -> cognito.respondToAuthChallenge(b -> b.challengeName(answer.kind().name()).clientId(appClient.clientId())
                        .session(answer.session()).challengeResponses(signed)),
                answer.session(), answer.code().map(dev.userpool.core.domain.TotpCode::value).orElse(answer.session()));
        if (answered.authenticationResult() == null) throw unhandled(answered.challengeNameAsString());
        return CognitoTokens.signedIn(answered.authenticationResult());
    }

    /** Cognito's answer to a sign-in: tokens, or a challenge with its session. */
    private record Answer(AuthenticationResultType result, ChallengeNameType challenge, String challengeName, String session) {
        static Answer of(AuthenticationResultType result, ChallengeNameType challenge, String challengeName, String session) {
            return new Answer(result, challenge, challengeName, session);
        }

        @Override
        public String toString() {
            return "Answer[" + challengeName + "]";
        }
    }

    /** RespondToAuthChallenge with NEW_PASSWORD_REQUIRED: Cognito checks the session, stores the password and confirms the account. */
    @Override
    public SignedIn completeNewPassword(User.Transition chosen, String session, Password newPassword) {
        String username = chosen.before().email().value();
        Map<String, String> responses = withSecretHash(username,
                Map.of("USERNAME", username, "NEW_PASSWORD", newPassword.reveal()));
        RespondToAuthChallengeResponse answered = CognitoSdkFailures.call("RespondToAuthChallenge",
                () -> cognito.respondToAuthChallenge(b -> b
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).clientId(appClient.clientId())
                        .session(session).challengeResponses(responses)),
                newPassword.reveal(), session);
        if (answered.authenticationResult() == null) throw unhandled(answered.challengeNameAsString());
        return CognitoTokens.signedIn(answered.authenticationResult());
    }

    /**
     * A refusal of a known account names it (the port's promise, for the audit trail). Cognito's
     * refusal does not say whose it was, so the account is looked up — only on the way out of a
     * refusal that can concern one; an unknown account or a failing look-up leaves the refusal as it is.
     */
    private UserPoolException namingTheAccount(UserPoolException e, EmailAddress email) {
        if (e.code() == ErrorCode.USER_NOT_FOUND || e.code() == ErrorCode.INVALID_PARAMETER
                || e.code() == ErrorCode.SERVICE_UNAVAILABLE) return e;
        try {
            User user = CognitoUsers.from(CognitoSdkFailures.call("AdminGetUser", () -> cognito.adminGetUser(b -> b
                    .userPoolId(pool.userPoolId()).username(email.value()))));
            return e.concerning(Principal.of(user));
        } catch (UserPoolException lookup) {
            return e;
        }
    }

    private Answer signInWithSrp(EmailAddress email, Password password) {
        SrpStart start = srp.start();
        Map<String, String> parameters = withSecretHash(email.value(), Map.of("USERNAME", email.value(), "SRP_A", start.srpA()));
        InitiateAuthResponse started = CognitoSdkFailures.call("InitiateAuth", () -> cognito.initiateAuth(b -> b
                .authFlow(AuthFlowType.USER_SRP_AUTH).clientId(appClient.clientId()).authParameters(parameters)));
        if (started.authenticationResult() != null) return Answer.of(started.authenticationResult(), null, null, null);
        if (started.challengeName() != ChallengeNameType.PASSWORD_VERIFIER) throw unhandled(started.challengeNameAsString());

        PasswordVerifierChallenge challenge = PasswordVerifierChallenge.from(started.challengeParameters());
        PasswordClaim claim = srp.answer(start, challenge, password);
        Map<String, String> responses = withSecretHash(challenge.username(), claim.challengeResponses());
        RespondToAuthChallengeResponse answered = CognitoSdkFailures.call("RespondToAuthChallenge",
                () -> cognito.respondToAuthChallenge(b -> b
                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER).clientId(appClient.clientId())
                        .session(started.session()).challengeResponses(responses)),
                claim.signature(), started.session());
        return Answer.of(answered.authenticationResult(), answered.challengeName(), answered.challengeNameAsString(),
                answered.session());
    }

    private Answer signInWithPassword(EmailAddress email, Password password) {
        Map<String, String> parameters = withSecretHash(email.value(),
                Map.of("USERNAME", email.value(), "PASSWORD", password.reveal()));
        InitiateAuthResponse response = CognitoSdkFailures.call("InitiateAuth", () -> cognito.initiateAuth(b -> b
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(appClient.clientId()).authParameters(parameters)),
                password.reveal());
        return Answer.of(response.authenticationResult(), response.challengeName(), response.challengeNameAsString(),
                response.session());
    }

    /** AdminInitiateAuth: the same check as USER_PASSWORD_AUTH, through the admin API ({@link SignInFlow#ADMIN_USER_PASSWORD_AUTH}). */
    private Answer signInAsAdmin(EmailAddress email, Password password) {
        Map<String, String> parameters = withSecretHash(email.value(),
                Map.of("USERNAME", email.value(), "PASSWORD", password.reveal()));
        AdminInitiateAuthResponse response = CognitoSdkFailures.call("AdminInitiateAuth", () -> cognito.adminInitiateAuth(b -> b
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).userPoolId(pool.userPoolId()).clientId(appClient.clientId())
                .authParameters(parameters)), password.reveal());
        return Answer.of(response.authenticationResult(), response.challengeName(), response.challengeNameAsString(),
                response.session());
    }

    @Override
    public SignedIn refresh(String refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (appClient.hasSecret()) return refreshWithSecret(refreshToken, appClient.clientSecret().orElseThrow());
        InitiateAuthResponse response = CognitoSdkFailures.call("InitiateAuth", () -> cognito.initiateAuth(b -> b
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).clientId(appClient.clientId())
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))), refreshToken);
        if (response.authenticationResult() == null) throw unhandled(response.challengeNameAsString());
        return CognitoTokens.signedIn(response.authenticationResult());
    }

    /** GetTokensFromRefreshToken takes the client secret itself, where REFRESH_TOKEN_AUTH wants a hash over a username. */
    private SignedIn refreshWithSecret(String refreshToken, String clientSecret) {
        GetTokensFromRefreshTokenResponse response = CognitoSdkFailures.call("GetTokensFromRefreshToken",
                () -> cognito.getTokensFromRefreshToken(b -> b
                        .clientId(appClient.clientId()).clientSecret(clientSecret).refreshToken(refreshToken)),
                refreshToken, clientSecret);
        return CognitoTokens.signedIn(response.authenticationResult());
    }

    /** GlobalSignOut: every refresh token of the user stops working; Cognito refuses the access token from now on. */
    @Override
    public void globalSignOut(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        CognitoSdkFailures.call("GlobalSignOut", () -> cognito.globalSignOut(b -> b.accessToken(accessToken)), accessToken);
    }

    /**
     * RevokeToken ends the refresh token's session (and, for Cognito's own checks, the tokens it issued)
     * but says nothing about whose it was; a refresh with it first names the owner, and refuses an
     * unknown or expired token the way the port promises.
     */
    @Override
    public UserId revokeRefreshToken(String refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        UserId owner = refresh(refreshToken).principal().id();
        String[] secrets = appClient.clientSecret().map(secret -> new String[] {refreshToken, secret})
                .orElse(new String[] {refreshToken});
        CognitoSdkFailures.call("RevokeToken", () -> cognito.revokeToken(b -> b
                .clientId(appClient.clientId()).clientSecret(appClient.clientSecret().orElse(null)).token(refreshToken)), secrets);
        return owner;
    }

    /** AdminUserGlobalSignOut: every refresh token of the user stops working; issued tokens run out within the hour. */
    @Override
    public void adminGlobalSignOut(EmailAddress email) {
        CognitoSdkFailures.call("AdminUserGlobalSignOut", () -> cognito.adminUserGlobalSignOut(b -> b
                .userPoolId(pool.userPoolId()).username(email.value())));
    }

    @Override
    public CodeDelivery forgotPassword(EmailAddress email) {
        CodeDeliveryDetailsType details = CognitoSdkFailures.call("ForgotPassword", () -> cognito.forgotPassword(b -> b
                .clientId(appClient.clientId())
                .secretHash(appClient.secretHash(email.value()).orElse(null))
                .username(email.value()))).codeDeliveryDetails();
        if (details == null) {
            LOG.warn("Cognito sent a password-reset code without saying where; reporting the account's address");
            return CodeDelivery.email(email);
        }
        return CognitoUsers.delivery(details, email);
    }

    @Override
    public void confirmForgotPassword(EmailAddress email, ConfirmationCode code, Password newPassword) {
        CognitoSdkFailures.call("ConfirmForgotPassword", () -> cognito.confirmForgotPassword(b -> b
                .clientId(appClient.clientId())
                .secretHash(appClient.secretHash(email.value()).orElse(null))
                .username(email.value())
                .confirmationCode(code.reveal())
                .password(newPassword.reveal())), code.reveal(), newPassword.reveal());
        endSessionsAfterPasswordChange("AdminUserGlobalSignOut", () -> cognito.adminUserGlobalSignOut(b -> b
                .userPoolId(pool.userPoolId()).username(email.value())));
    }

    @Override
    public void changePassword(String accessToken, Password oldPassword, Password newPassword) {
        Objects.requireNonNull(accessToken, "accessToken");
        CognitoSdkFailures.call("ChangePassword", () -> cognito.changePassword(b -> b
                .accessToken(accessToken)
                .previousPassword(oldPassword.reveal())
                .proposedPassword(newPassword.reveal())), accessToken, oldPassword.reveal(), newPassword.reveal());
        endSessionsAfterPasswordChange("GlobalSignOut", () -> cognito.globalSignOut(b -> b.accessToken(accessToken)),
                accessToken);
    }

    /**
     * The password is already changed when this runs; if the sessions cannot be ended the caller must
     * know both facts, so the failure says so rather than looking like a refused change.
     */
    private void endSessionsAfterPasswordChange(String operation, Runnable signOut, String... secrets) {
        try {
            CognitoSdkFailures.call(operation, () -> {
                signOut.run();
                return null;
            }, secrets);
        } catch (UserPoolException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The password was changed, but other sessions could not be ended (" + e.code().code()
                            + "); sign out everywhere to end them.");
        }
    }

    private Map<String, String> withSecretHash(String username, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        appClient.secretHash(username).ifPresent(hash -> all.put("SECRET_HASH", hash));
        return all;
    }

    /** A challenge this service cannot answer: refused, and named so that an operator knows what the pool asks. */
    private static UserPoolException unhandled(String challenge) {
        String name = challenge == null || challenge.isBlank() ? "an unnamed challenge" : challenge;
        LOG.info("Cognito answered sign-in with {}, which this service does not handle", name);
        return UserPoolException.notAuthorized("Sign-in needs " + name + ", which this service does not support.");
    }
}
