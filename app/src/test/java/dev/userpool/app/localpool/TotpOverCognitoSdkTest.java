package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.Oathtool;
import dev.userpool.embedded.EmbeddedSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * Authenticator apps (TOTP MFA, issue 14) through the AWS SDK for Java against the local pool: enrolment
 * (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference), the SOFTWARE_TOKEN_MFA challenge
 * after USER_PASSWORD_AUTH, USER_SRP_AUTH and AdminInitiateAuth, MFA_SETUP where the pool requires MFA,
 * and the refusals: replayed codes, codes two steps away, expired and foreign sessions, the lockout.
 * Every code comes from Debian's oathtool at the app's (test-controlled) time.
 */
class TotpOverCognitoSdkTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Correct-Horse-9!";

    private final MutableClock clock = MutableClock.at(Instant.parse("2031-03-04T05:06:00Z"));
    private RunningApp app;
    private CognitoIdentityProviderClient cognito;

    private void start(Map<String, String> env) {
        app = RunningApp.start(env, clock);
        cognito = CognitoSdk.client(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (cognito != null) cognito.close();
        if (app != null) app.close();
    }

    @Test
    void aUserSetsAnAppUpTurnsItOnAndThenSignsInWithItsCode() {
        start(Map.of());
        String email = confirmedUser();
        String accessToken = passwordSignIn(email).authenticationResult().accessToken();

        String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThatThrownBy(() -> cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(wrong(secret))))
                .isInstanceOf(EnableSoftwareTokenMfaException.class)
                .satisfies(cognitoMessage("Code mismatch and fail enable Software Token MFA"));
        assertThatThrownBy(() -> enable(accessToken)).isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("User has not set up software token mfa"));
        assertThat(cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(code(secret)).friendlyDeviceName("phone"))
                .status()).isEqualTo(VerifySoftwareTokenResponseType.SUCCESS);
        assertThat(passwordSignIn(email).challengeName()).as("verified, not yet on").isNull();

        enable(accessToken);
        var me = cognito.getUser(b -> b.accessToken(accessToken));
        assertThat(me.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
        assertThat(me.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");
        var seenByAdmin = cognito.adminGetUser(b -> b.userPoolId(POOL).username(email));
        assertThat(seenByAdmin.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");

        clock.advance(Duration.ofSeconds(30));
        InitiateAuthResponse challenge = passwordSignIn(email);
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        assertThat(challenge.session()).isNotBlank();
        assertThat(challenge.authenticationResult()).isNull();
        assertThat(challenge.challengeParameters()).containsKey("USER_ID_FOR_SRP");
        String code = code(secret);
        AuthenticationResultType tokens = answer(challenge.session(), email, code);
        assertThat(cognito.getUser(b -> b.accessToken(tokens.accessToken())).username()).isNotBlank();

        // the same code again, within its window: refused, the session it was sent with used up
        InitiateAuthResponse again = passwordSignIn(email);
        assertThatThrownBy(() -> answer(again.session(), email, code)).isInstanceOf(CodeMismatchException.class)
                .satisfies(cognitoMessage("Invalid code received for user"));
        assertThatThrownBy(() -> answer(again.session(), email, code(secret))).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Invalid session for the user."));

        List<AuditEventType> events = events(email).stream().map(AuditEvent::type).toList();
        assertThat(events).contains(AuditEventType.SOFTWARE_TOKEN_ASSOCIATED, AuditEventType.SOFTWARE_TOKEN_VERIFIED,
                AuditEventType.MFA_PREFERENCE_SET, AuditEventType.MFA_REQUIRED, AuditEventType.MFA_CHALLENGE_ANSWERED);
        assertThat(events(email).toString()).doesNotContain(secret).doesNotContain(code).doesNotContain(challenge.session());
    }

    @Test
    void codesTwoStepsAwayAreRefusedAndOneStepAwayAccepted() {
        start(Map.of());
        String email = confirmedUser();
        String secret = enrolled(email);
        Instant now = clock.instant();
        for (int steps : new int[] {-2, 2}) {
            String far = Oathtool.code(secret, now.plusSeconds(30L * steps));
            assertThatThrownBy(() -> answer(passwordSignIn(email).session(), email, far)).isInstanceOf(CodeMismatchException.class);
        }
        assertThat(answer(passwordSignIn(email).session(), email, Oathtool.code(secret, now.plusSeconds(30))).accessToken()).isNotBlank();
    }

    @Test
    void theMfaSessionExpiresAfterThreeMinutesAndAnotherUsersSessionIsRefused() {
        start(Map.of());
        String alice = confirmedUser();
        String bob = confirmedUser();
        String alicesSecret = enrolled(alice);
        String bobsSecret = enrolled(bob);

        String alicesSession = passwordSignIn(alice).session();
        assertThatThrownBy(() -> answer(alicesSession, bob, Oathtool.code(bobsSecret, clock.instant())))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Invalid session for the user."));

        String late = passwordSignIn(alice).session();
        clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> answer(late, alice, code(alicesSecret))).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Invalid session for the user, session is expired."));
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        start(Map.of());
        String email = confirmedUser();
        String secret = enrolled(email);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> answer(passwordSignIn(email).session(), email, wrong(secret)))
                    .isInstanceOf(CodeMismatchException.class);
        }
        assertThatThrownBy(() -> passwordSignIn(email)).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Password attempts exceeded"));
    }

    @Test
    void srpAndAdminSignInsAskTheCodeToo() {
        start(Map.of());
        String email = confirmedUser();
        String secret = enrolled(email);

        SrpClient srp = new SrpClient(POOL, clock);
        SrpStart start = srp.start();
        InitiateAuthResponse verifier = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_SRP_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "SRP_A", start.srpA())));
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(verifier.challengeParameters()), Password.of(PASSWORD));
        var mfa = cognito.respondToAuthChallenge(b -> b.clientId(CLIENT).challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(new HashMap<>(claim.challengeResponses())));
        assertThat(mfa.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        String sub = mfa.challengeParameters().get("USER_ID_FOR_SRP");
        assertThat(cognito.respondToAuthChallenge(b -> b.clientId(CLIENT).challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(mfa.session()).challengeResponses(Map.of("USERNAME", sub, "SOFTWARE_TOKEN_MFA_CODE", code(secret))))
                .authenticationResult().idToken()).isNotBlank();

        clock.advance(Duration.ofSeconds(30));
        AdminInitiateAuthResponse admin = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)));
        assertThat(admin.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        assertThat(cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(admin.session())
                .challengeResponses(Map.of("USERNAME", email, "SOFTWARE_TOKEN_MFA_CODE", code(secret))))
                .authenticationResult().accessToken()).isNotBlank();

        // an operator turns it off: the password alone signs in again
        cognito.adminSetUserMFAPreference(b -> b.userPoolId(POOL).username(email)
                .softwareTokenMfaSettings(s -> s.enabled(false).preferredMfa(false)));
        assertThat(passwordSignIn(email).authenticationResult().accessToken()).isNotBlank();
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userMFASettingList()).isEmpty();
    }

    @Test
    void aPoolThatRequiresMfaHasAnAccountWithoutAnAppSetOneUpAtSignIn() {
        start(Map.of("USERPOOL_MFA", "on"));
        String email = confirmedUser();
        InitiateAuthResponse setup = passwordSignIn(email);
        assertThat(setup.challengeName()).isEqualTo(ChallengeNameType.MFA_SETUP);
        assertThat(setup.challengeParameters()).containsEntry("MFAS_CAN_SETUP", "[\"SOFTWARE_TOKEN_MFA\"]");

        var association = cognito.associateSoftwareToken(b -> b.session(setup.session()));
        String verified = cognito.verifySoftwareToken(b -> b.session(association.session())
                .userCode(code(association.secretCode()))).session();
        AuthenticationResultType tokens = cognito.respondToAuthChallenge(b -> b.clientId(CLIENT)
                .challengeName(ChallengeNameType.MFA_SETUP).session(verified).challengeResponses(Map.of("USERNAME", email)))
                .authenticationResult();
        assertThat(tokens.accessToken()).isNotBlank();

        clock.advance(Duration.ofSeconds(30));
        InitiateAuthResponse next = passwordSignIn(email);
        assertThat(next.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        assertThat(answer(next.session(), email, code(association.secretCode())).idToken()).isNotBlank();

        assertThatThrownBy(() -> cognito.associateSoftwareToken(b -> b.session("not-a-session-of-this-pool-at-all")))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Invalid session for the user."));
    }

    // ------------------------------------------------------------------ helpers

    private String code(String secret) {
        return Oathtool.code(secret, clock.instant());
    }

    /** A six-digit code that is not the right one now, nor one step either side. */
    private String wrong(String secret) {
        List<String> near = List.of(Oathtool.code(secret, clock.instant().minusSeconds(30)), code(secret),
                Oathtool.code(secret, clock.instant().plusSeconds(30)));
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", (n * 137_911) % 1_000_000);
            if (!near.contains(candidate)) return candidate;
        }
    }

    /** An account whose app is verified and on; the clock then at the next step. */
    private String enrolled(String email) {
        String accessToken = passwordSignIn(email).authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(code(secret)));
        enable(accessToken);
        clock.advance(Duration.ofSeconds(30));
        return secret;
    }

    private void enable(String accessToken) {
        cognito.setUserMFAPreference(b -> b.accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    }

    private InitiateAuthResponse passwordSignIn(String email) {
        return cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)));
    }

    private AuthenticationResultType answer(String session, String username, String code) {
        return cognito.respondToAuthChallenge(b -> b.clientId(CLIENT).challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(session).challengeResponses(Map.of("USERNAME", username, "SOFTWARE_TOKEN_MFA_CODE", code)))
                .authenticationResult();
    }

    private static String address() {
        return "totp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> cognitoMessage(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }

    private String confirmedUser() {
        String email = address();
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
        cognito.adminConfirmSignUp(b -> b.userPoolId(POOL).username(email));
        return email;
    }

    private List<AuditEvent> events(String email) {
        return app.component().auditQueries().forEmail(email, PageRequest.first(60)).items();
    }
}
