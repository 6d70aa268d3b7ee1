package dev.userpool.cognito.srp;

import dev.userpool.srp.PasswordClaimSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Password;
import dev.userpool.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;

/**
 * SRP over the wire: the real SDK client ({@code CognitoIdentityProviderClient}, JSON 1.1) does
 * InitiateAuth({@code USER_SRP_AUTH}) → {@code PASSWORD_VERIFIER} → RespondToAuthChallenge with the
 * {@link SrpClient}'s claim against {@link StubCognitoSrpServer}, which runs the server side of the
 * protocol. Each refusal is checked twice: the SDK raised {@code NotAuthorizedException}, and the stub
 * refused for the reason the test is about (not some other mistake).
 */
class SrpOverTheWireTest {
    private static final String POOL_ID = "eu-west-1_WireTest1";
    private static final String POOL_NAME = "WireTest1";
    private static final String CLIENT_ID = "stubclientid1234567890";
    private static final String EMAIL = "rider@example.com";
    private static final Password PASSWORD = Password.of("Correct-Horse-9!");
    private static final Instant NOW = Instant.parse("2017-04-05T22:42:34Z"); // a single-digit day

    private final MutableClock serverClock = MutableClock.at(NOW);
    private StubCognitoSrpServer stub;
    private CognitoIdentityProviderClient cognito;
    private String userId;

    @BeforeEach
    void start() throws Exception {
        stub = StubCognitoSrpServer.start(POOL_ID, CLIENT_ID, serverClock);
        userId = stub.addUser(EMAIL, PASSWORD);
        cognito = sdkClient(stub);
    }

    @AfterEach
    void stop() {
        if (cognito != null) cognito.close();
        if (stub != null) stub.close();
        cognito = null;
        stub = null;
    }

    @Test
    void signsInWithSrpAndGetsTokensWithoutSendingThePassword() {
        AuthenticationResultType result = signIn(new SrpClient(POOL_ID, serverClock), PASSWORD, PasswordClaim::challengeResponses);

        StubCognitoSrpServer.IssuedTokens issued = stub.issuedTokens().get(0);
        assertThat(result.accessToken()).isEqualTo(issued.accessToken());
        assertThat(result.idToken()).isEqualTo(issued.idToken());
        assertThat(result.refreshToken()).isEqualTo(issued.refreshToken());
        assertThat(issued.username()).isEqualTo(userId);
        assertThat(stub.refusals()).isEmpty();
        assertThat(stub.requests()).hasSize(2).noneMatch(body -> body.contains(PASSWORD.reveal()));
        assertThat(stub.requests().get(1)).contains("\"USERNAME\":\"" + userId + "\"").contains("Wed Apr 5 22:42:34 UTC 2017");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertRefused(() -> signIn(new SrpClient(POOL_ID, serverClock), Password.of("Correct-Horse-9?"),
                PasswordClaim::challengeResponses), "does not verify");
    }

    @Test
    void aTamperedSignatureIsRefused() {
        assertRefused(() -> signIn(new SrpClient(POOL_ID, serverClock), PASSWORD, claim -> {
            byte[] signature = Base64.getDecoder().decode(claim.signature());
            signature[7] ^= 0x01;
            Map<String, String> responses = claim.challengeResponses();
            responses.put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(signature));
            return responses;
        }), "does not verify");
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsRefusedEitherWay() {
        Duration tolerance = StubCognitoSrpServer.TIMESTAMP_TOLERANCE;
        assertRefused(() -> signIn(clientAt(NOW.minus(tolerance).minusSeconds(1)), PASSWORD, PasswordClaim::challengeResponses),
                "more than 5 minutes");
        assertRefused(() -> signIn(clientAt(NOW.plus(tolerance).plusSeconds(1)), PASSWORD, PasswordClaim::challengeResponses),
                "more than 5 minutes");
    }

    @Test
    void aTimestampJustInsideFiveMinutesIsAccepted() {
        Duration tolerance = StubCognitoSrpServer.TIMESTAMP_TOLERANCE;
        assertThat(signIn(clientAt(NOW.minus(tolerance).plusSeconds(1)), PASSWORD, PasswordClaim::challengeResponses).accessToken())
                .isNotBlank();
        assertThat(signIn(clientAt(NOW.plus(tolerance).minusSeconds(1)), PASSWORD, PasswordClaim::challengeResponses).accessToken())
                .isNotBlank();
    }

    @Test
    void aZeroPaddedDayIsRefusedEvenWhenProperlySigned() {
        assertRefused(() -> signInSigningTimestamp("Wed Apr 05 22:42:34 UTC 2017"), "not in Cognito's format");
        // the same path with Cognito's text passes: the padding alone is what the server refuses
        assertThat(signInSigningTimestamp("Wed Apr 5 22:42:34 UTC 2017").accessToken()).isNotBlank();
    }

    @Test
    void anUnknownUserGetsAChallengeAndThenTheSameRefusalAsAWrongPassword() {
        assertRefused(() -> signIn(new SrpClient(POOL_ID, serverClock), "nobody@example.com", PASSWORD,
                PasswordClaim::challengeResponses, Map.of()), "unknown user");
    }

    @Test
    void anUnconfirmedUserWithTheRightPasswordIsToldSo() {
        stub.addUnconfirmedUser("new@example.com", PASSWORD);

        assertThatThrownBy(() -> signIn(new SrpClient(POOL_ID, serverClock), "new@example.com", PASSWORD,
                PasswordClaim::challengeResponses, Map.of())).isInstanceOf(UserNotConfirmedException.class);
    }

    @Test
    void withAClientSecretEveryCallCarriesTheSecretHash() throws Exception {
        String secret = "stub-client-secret-0123456789";
        stop();
        stub = StubCognitoSrpServer.startWithClientSecret(POOL_ID, CLIENT_ID, secret, serverClock);
        cognito = sdkClient(stub);
        stub.addUser(EMAIL, PASSWORD);
        SrpClient srp = new SrpClient(POOL_ID, serverClock);
        Map<String, String> initiateHash = Map.of("SECRET_HASH", StubCognitoSrpServer.secretHash(secret, EMAIL, CLIENT_ID));

        // InitiateAuth hashes the name signed in with; RespondToAuthChallenge the challenge's USERNAME
        AuthenticationResultType result = signIn(srp, EMAIL, PASSWORD, claim -> {
            Map<String, String> responses = claim.challengeResponses();
            responses.put("SECRET_HASH", StubCognitoSrpServer.secretHash(secret, claim.username(), CLIENT_ID));
            return responses;
        }, initiateHash);
        assertThat(result.accessToken()).isNotBlank();

        assertRefused(() -> signIn(srp, EMAIL, PASSWORD, PasswordClaim::challengeResponses, initiateHash), "no SECRET_HASH");
        assertRefused(() -> signIn(srp, EMAIL, PASSWORD, claim -> {
            Map<String, String> responses = claim.challengeResponses();
            responses.put("SECRET_HASH", StubCognitoSrpServer.secretHash(secret, EMAIL, CLIENT_ID)); // over the wrong name
            return responses;
        }, initiateHash), "wrong SECRET_HASH");
    }

    @Test
    void manyThreadsSignInThroughOneClientAtOnce() throws Exception {
        SrpClient srp = new SrpClient(POOL_ID, serverClock);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<AuthenticationResultType>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) results.add(threads.submit(() -> signIn(srp, PASSWORD, PasswordClaim::challengeResponses)));
            for (Future<AuthenticationResultType> result : results) assertThat(result.get(2, TimeUnit.MINUTES).accessToken()).isNotBlank();
        } finally {
            threads.shutdownNow();
        }
        assertThat(stub.issuedTokens()).hasSize(12);
        assertThat(stub.refusals()).isEmpty();
    }

    // ---- helpers

    private AuthenticationResultType signIn(SrpClient srp, Password password, Function<PasswordClaim, Map<String, String>> responses) {
        return signIn(srp, EMAIL, password, responses, Map.of());
    }

    private AuthenticationResultType signIn(SrpClient srp, String username, Password password,
                                            Function<PasswordClaim, Map<String, String>> responses, Map<String, String> extraAuthParameters) {
        SrpStart start = srp.start();
        Map<String, String> authParameters = new HashMap<>(extraAuthParameters);
        authParameters.put("USERNAME", username);
        authParameters.put("SRP_A", start.srpA());
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b
                .authFlow(AuthFlowType.USER_SRP_AUTH).clientId(CLIENT_ID).authParameters(authParameters));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(challenge.challengeParameters()), password);
        return cognito.respondToAuthChallenge(b -> b
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).clientId(CLIENT_ID).session(challenge.session())
                .challengeResponses(responses.apply(claim))).authenticationResult();
    }

    /** A sign-in whose claim is signed, with the real session key, over the given TIMESTAMP text. */
    private AuthenticationResultType signInSigningTimestamp(String timestamp) {
        SrpClient srp = new SrpClient(POOL_ID, serverClock);
        SrpStart start = srp.start();
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_SRP_AUTH).clientId(CLIENT_ID)
                .authParameters(Map.of("USERNAME", EMAIL, "SRP_A", start.srpA())));
        PasswordVerifierChallenge parameters = PasswordVerifierChallenge.from(challenge.challengeParameters());
        byte[] key = srp.compute(start, parameters, PASSWORD).key();
        String signature = PasswordClaimSignature.signBase64(key, POOL_NAME, parameters.userIdForSrp(),
                Base64.getDecoder().decode(parameters.secretBlock()), timestamp);
        PasswordClaim claim = new PasswordClaim(parameters.username(), parameters.secretBlock(), timestamp, signature);
        return cognito.respondToAuthChallenge(b -> b.challengeName(ChallengeNameType.PASSWORD_VERIFIER).clientId(CLIENT_ID)
                .session(challenge.session()).challengeResponses(claim.challengeResponses())).authenticationResult();
    }

    private void assertRefused(Runnable signIn, String reason) {
        int refusalsBefore = stub.refusals().size();
        int tokensBefore = stub.issuedTokens().size();
        assertThatThrownBy(signIn::run).isInstanceOf(NotAuthorizedException.class);
        assertThat(stub.refusals()).hasSize(refusalsBefore + 1);
        assertThat(stub.refusals().get(refusalsBefore)).contains(reason);
        assertThat(stub.issuedTokens()).hasSize(tokensBefore);
    }

    private static SrpClient clientAt(Instant instant) {
        return new SrpClient(POOL_ID, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static CognitoIdentityProviderClient sdkClient(StubCognitoSrpServer server) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
