package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.cognito.srp.StubCognitoSrpServer;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@link CognitoAuthenticator#signIn} with {@code USER_SRP_AUTH}, through the production client
 * ({@link CognitoClients}), against a stub endpoint that runs the server side of SRP for real: with an
 * app client without a secret and with one, where {@code SECRET_HASH} must be right on both calls
 * (the second over the challenge's {@code USERNAME}, the user's internal id).
 */
class CognitoAuthenticatorSrpWireTest {
    private static final String POOL_ID = "eu-west-1_SrpWire1";
    private static final String CLIENT_ID = "srpwireclient1234567890";
    private static final String SECRET = "srp-wire-client-secret-0123456789abcdef";
    private static final EmailAddress RIDER = new EmailAddress("rider@example.com");
    private static final Password PASSWORD = Password.of("Correct-Horse-9");
    // a single-digit day: Cognito's TIMESTAMP must read "Wed Apr 5 …", not "Apr 05"
    private final MutableClock clock = MutableClock.at(Instant.parse("2017-04-05T22:42:34Z"));

    private StubCognitoSrpServer server;
    private CognitoIdentityProviderClient client;

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    private CognitoAuthenticator authenticatorFor(AppClient appClient) {
        CognitoPool pool = new CognitoPool("eu-west-1", POOL_ID, Optional.of(server.endpoint()));
        client = CognitoClients.build(pool, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                CognitoClients.Timeouts.defaults());
        return new CognitoAuthenticator(client, pool, appClient, SignInFlow.USER_SRP_AUTH, clock);
    }

    @Test
    void withoutAClientSecretTheSrpProofSignsIn() throws Exception {
        server = StubCognitoSrpServer.start(POOL_ID, CLIENT_ID, clock);
        String internalId = server.addUser(RIDER.value(), PASSWORD);

        Tokens tokens = authenticatorFor(AppClient.withoutSecret(CLIENT_ID)).signIn(RIDER, PASSWORD).tokens();

        StubCognitoSrpServer.IssuedTokens issued = server.issuedTokens().get(0);
        assertThat(issued.username()).isEqualTo(internalId);
        assertThat(tokens.idToken()).isEqualTo(issued.idToken());
        assertThat(tokens.accessToken()).isEqualTo(issued.accessToken());
        assertThat(tokens.refreshToken()).contains(issued.refreshToken());
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(server.refusals()).isEmpty();
        assertThat(server.requests()).hasSize(2).noneMatch(r -> r.contains(PASSWORD.reveal()));
        assertThat(server.requests().get(1)).contains("Wed Apr 5 22:42:34 UTC 2017");
    }

    @Test
    void withAClientSecretBothCallsCarryTheRightSecretHash() throws Exception {
        server = StubCognitoSrpServer.startWithClientSecret(POOL_ID, CLIENT_ID, SECRET, clock);
        server.addUser(RIDER.value(), PASSWORD);

        Tokens tokens = authenticatorFor(AppClient.withSecret(CLIENT_ID, SECRET)).signIn(RIDER, PASSWORD).tokens();

        assertThat(tokens.accessToken()).isEqualTo(server.issuedTokens().get(0).accessToken());
        assertThat(server.refusals()).isEmpty();
        assertThat(server.requests()).allMatch(r -> r.contains("SECRET_HASH"));
    }

    @Test
    void aWrongClientSecretIsRefusedAtTheFirstCall() throws Exception {
        server = StubCognitoSrpServer.startWithClientSecret(POOL_ID, CLIENT_ID, SECRET, clock);
        server.addUser(RIDER.value(), PASSWORD);

        var e = assertRefused(() -> authenticatorFor(AppClient.withSecret(CLIENT_ID, "another-secret")).signIn(RIDER, PASSWORD).tokens(),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("another-secret");
        assertThat(server.refusals()).containsExactly("wrong SECRET_HASH");
    }

    @Test
    void aWrongPasswordIsNotAuthorized() throws Exception {
        server = StubCognitoSrpServer.startWithClientSecret(POOL_ID, CLIENT_ID, SECRET, clock);
        String internalId = server.addUser(RIDER.value(), PASSWORD);

        var e = assertRefused(() -> authenticatorFor(AppClient.withSecret(CLIENT_ID, SECRET)).signIn(RIDER, Password.of("Correct-Horse-8")).tokens(),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
        assertThat(e.concerning()).as("the refusal names the account, looked up with AdminGetUser")
                .contains(new dev.userpool.core.domain.Principal(new dev.userpool.core.domain.UserId(internalId), RIDER));
        assertThat(server.refusals()).singleElement().asString().contains("does not verify");
    }

    @Test
    void anUnconfirmedAccountWithTheRightPasswordIsUserNotConfirmed() throws Exception {
        server = StubCognitoSrpServer.start(POOL_ID, CLIENT_ID, clock);
        server.addUnconfirmedUser(RIDER.value(), PASSWORD);

        assertRefused(() -> authenticatorFor(AppClient.withoutSecret(CLIENT_ID)).signIn(RIDER, PASSWORD).tokens(), ErrorCode.USER_NOT_CONFIRMED);
    }

    @Test
    void theClaimIsSignedWithTheInjectedClocksTime() throws Exception {
        server = StubCognitoSrpServer.start(POOL_ID, CLIENT_ID, MutableClock.at(Instant.parse("2017-04-05T22:42:34Z")));
        server.addUser(RIDER.value(), PASSWORD);
        CognitoAuthenticator authenticator = authenticatorFor(AppClient.withoutSecret(CLIENT_ID));

        clock.advance(Duration.ofMinutes(10));   // our clock ten minutes off Cognito's: the claim is stale
        assertRefused(() -> authenticator.signIn(RIDER, PASSWORD).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertThat(server.refusals()).singleElement().asString().contains("TIMESTAMP more than 5 minutes");
    }
}
