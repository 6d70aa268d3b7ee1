package dev.userpool.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.userpool.app.config.CognitoSettings;
import dev.userpool.app.config.DynamoDbSettings;
import dev.userpool.app.config.SesSettings;
import dev.userpool.core.domain.EmailAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The AWS clients the wiring builds, against a server on this machine that always fails: each
 * service's client gives a failing call its 3 attempts and no more, an attempt that hangs is cut off in
 * time, and an emulator's requests are signed with dummy credentials only.
 */
class AwsClientsTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Duration answerAfter = Duration.ZERO;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(answerAfter.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"__type\":\"InternalErrorException\",\"message\":\"down\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalErrorException");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : opened) resource.close();
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private <R extends OpenedResources> R opened(R resources) {
        opened.add(resources);
        return resources;
    }

    @Test
    void cognitoGivesAFailingCallThreeAttempts() {
        CognitoSettings cognito = new CognitoSettings("us-east-1", "local_Abc123", "client-1", Optional.empty(),
                CognitoSettings.AuthFlow.USER_SRP_AUTH, Optional.of(endpoint()), false);
        CognitoIdentityProviderClient client = CognitoModule.cognitoClient(cognito, opened(new CognitoModule.CognitoResources()));

        assertThatThrownBy(() -> client.adminDisableUser(b -> b.userPoolId("local_Abc123").username("alice")))
                .isInstanceOf(SdkException.class);

        assertThat(authorizations).hasSize(3);
    }

    @Test
    void sesGivesAFailingCallThreeAttempts() {
        SesSettings ses = new SesSettings(new EmailAddress("no-reply@example.com"), "userpool-verification",
                Optional.of(endpoint()), Optional.empty(), 1, 10, URI.create("http://localhost/verified.html"),
                URI.create("http://localhost/verified.html?failed=1"), true, SesSettings.DEFAULT_FALLBACK_SHARE);
        SesV2Client client = SesModule.sesClient(ses, opened(new SesModule.SesResources()));

        assertThatThrownBy(() -> client.getAccount(b -> {})).isInstanceOf(SdkException.class);

        assertThat(authorizations).hasSize(3);
    }

    @Test
    void dynamoDbGivesAFailingCallThreeAttempts() {
        DynamoDbSettings dynamo = new DynamoDbSettings("audit", Optional.of(endpoint()), false, Path.of("unused"), 400,
                Optional.empty(), true);
        DynamoDbClient client = DynamoDbModule.dynamoDbClient(dynamo, opened(new DynamoDbModule.DynamoDbResources()));

        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("audit"))).isInstanceOf(SdkException.class);

        assertThat(authorizations).hasSize(3);
    }

    @Test
    void anAttemptThatHangsIsCutOffAndTheCallEndsInTime() {
        answerAfter = Duration.ofSeconds(3);
        var limits = new AwsClients.Limits(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(900), 3);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(),
                new AwsClients.Connection(Region.US_EAST_1, Optional.of(endpoint()), true, limits),
                opened(new DynamoDbModule.DynamoDbResources()));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("audit"))).isInstanceOf(SdkException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anEmulatorOnThisMachineIsSignedWithDummyCredentialsOnly() {
        var limits = new AwsClients.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3), 1);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(),
                new AwsClients.Connection(Region.US_EAST_1, Optional.of(endpoint()), true, limits),
                opened(new DynamoDbModule.DynamoDbResources()));

        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("audit"))).isInstanceOf(SdkException.class);

        assertThat(authorizations).singleElement().asString().contains("Credential=userpool-local/");
    }

    @Test
    void aRegionSetIsUsedAndAnEmulatorWithoutOneGetsAny() {
        assertThat(AwsClients.region(Optional.of("eu-west-1"), false, "unused")).isEqualTo(Region.EU_WEST_1);
        assertThat(AwsClients.region(Optional.empty(), true, "unused")).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void anAttemptCannotOutlastItsCall() {
        assertThatThrownBy(() -> new AwsClients.Limits(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwsClients.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
