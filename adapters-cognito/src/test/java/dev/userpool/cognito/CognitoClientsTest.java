package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.cognito.StubCognito.Answer;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The shared client: the standard retry strategy, its timeouts, and the credentials it signs with. */
class CognitoClientsTest {
    private static final EmailAddress ALICE = new EmailAddress("alice@example.com");
    private static final User ALICES_ACCOUNT = User.signedUp(new UserId("sub-alice"), ALICE, Instant.parse("2025-03-01T10:00:00Z"));
    private final StubCognito stub = new StubCognito();

    @AfterEach
    void stop() {
        stub.close();
    }

    private CognitoUserDirectory directoryOn(CognitoIdentityProviderClient client) {
        return new CognitoUserDirectory(client, stub.pool(), AppClient.withoutSecret("client-1"));
    }

    @Test
    void throttlingIsRetriedAndSucceedsWhenCognitoRecovers() {
        stub.answer("AdminDisableUser", Answer.error("TooManyRequestsException", "Rate exceeded"), Answer.ok("{}"));
        try (var client = stub.client()) {
            directoryOn(client).save(ALICES_ACCOUNT.disable());
        }
        assertThat(stub.requests("AdminDisableUser")).hasSize(2);
    }

    @Test
    void throttlingPastTheRetriesIsServiceUnavailableAfterThreeAttempts() {
        stub.always("AdminDisableUser", Answer.error("TooManyRequestsException", "Rate exceeded"));
        try (var client = stub.client()) {
            var e = assertRefused(() -> directoryOn(client).save(ALICES_ACCOUNT.disable()), ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("Cognito is busy");
        }
        assertThat(stub.requests("AdminDisableUser")).as("the standard strategy's 3 attempts").hasSize(3);
    }

    @Test
    void aServerErrorIsRetriedThenServiceUnavailable() {
        stub.always("AdminEnableUser", Answer.error(500, "InternalErrorException", "Internal error"));
        try (var client = stub.client()) {
            assertRefused(() -> directoryOn(client).save(ALICES_ACCOUNT.enable()), ErrorCode.SERVICE_UNAVAILABLE);
        }
        assertThat(stub.requests("AdminEnableUser")).hasSize(3);
    }

    @Test
    void aRefusalIsNotRetried() {
        stub.always("AdminEnableUser", Answer.error("UserNotFoundException", "User does not exist."));
        try (var client = stub.client()) {
            assertRefused(() -> directoryOn(client).save(ALICES_ACCOUNT.enable()), ErrorCode.USER_NOT_FOUND);
        }
        assertThat(stub.requests("AdminEnableUser")).hasSize(1);
    }

    @Test
    void anAttemptThatHangsIsCutOffAndTheCallEndsInTime() {
        stub.always("AdminDeleteUser", Answer.ok("{}").after(Duration.ofSeconds(3)));
        var timeouts = new CognitoClients.Timeouts(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(900));
        long started = System.nanoTime();
        try (var client = stub.client(timeouts)) {
            var e = assertRefused(() -> directoryOn(client).delete(ALICE), ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("Cognito did not answer in time.");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anEndpointNobodyListensOnIsServiceUnavailable() {
        int port = dev.userpool.core.testing.LocalServer.freePort();
        CognitoPool nowhere = new CognitoPool("eu-west-1", StubCognito.POOL_ID, Optional.of(URI.create("http://127.0.0.1:" + port)));
        try (var client = CognitoClients.build(nowhere, CognitoClients.credentials(nowhere, false),
                new CognitoClients.Timeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(3)))) {
            var e = assertRefused(() -> new CognitoUserDirectory(client, nowhere, AppClient.withoutSecret("c")).save(ALICES_ACCOUNT.disable()),
                    ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("Cognito cannot be reached.");
        }
    }

    @Test
    void anEmulatorOnThisMachineWithoutCredentialsInTheEnvironmentGetsDummyOnes() {
        CognitoPool local = new CognitoPool("local", "local_Abc123", Optional.of(URI.create("http://127.0.0.1:9229")));
        CognitoPool localhost = new CognitoPool("local", "local_Abc123", Optional.of(URI.create("http://localhost:9229/")));
        CognitoPool remote = new CognitoPool("eu-west-1", "eu-west-1_Abc123", Optional.of(URI.create("https://cognito.example.com")));

        assertThat(CognitoClients.credentials(local, false)).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(CognitoClients.credentials(localhost, false)).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(CognitoClients.credentials(local, true)).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(CognitoClients.credentials(remote, false)).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(CognitoClients.credentials(CognitoPool.onAws("eu-west-1", "eu-west-1_Abc123"), false))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void onlyLoopbackAddressesCountAsThisMachine() {
        assertThat(CognitoClients.isLoopback(URI.create("http://127.0.0.1:1"))).isTrue();
        assertThat(CognitoClients.isLoopback(URI.create("http://127.5.6.7:1"))).isTrue();
        assertThat(CognitoClients.isLoopback(URI.create("http://[::1]:1"))).isTrue();
        assertThat(CognitoClients.isLoopback(URI.create("http://LOCALHOST:1"))).isTrue();
        assertThat(CognitoClients.isLoopback(URI.create("http://10.0.0.1:1"))).isFalse();
        assertThat(CognitoClients.isLoopback(URI.create("http://localhost.example.com:1"))).isFalse();
        assertThat(CognitoClients.isLoopback(URI.create("https://cognito-idp.eu-west-1.amazonaws.com"))).isFalse();
    }
}
