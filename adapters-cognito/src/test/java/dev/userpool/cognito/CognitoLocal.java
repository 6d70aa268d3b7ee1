package dev.userpool.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * cognito-local (npm, pinned in {@code src/test/emulator}) on a free loopback port, with its data in a
 * directory of the caller's: pools and app clients are made through the SDK (CreateUserPool,
 * CreateUserPoolClient) as on AWS, and the codes it "emails" are read from its data files. Stopped by
 * {@link #close()}. The app's end-to-end test uses it too, from this module's test-jar.
 */
public final class CognitoLocal implements AutoCloseable {
    /** The region the SDK is told; cognito-local ignores it. */
    public static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalServer server;
    private final Path dataDir;
    private final CognitoIdentityProviderClient admin;

    /** A pool with email usernames and the app client this service signs in through. */
    public record Pool(String userPoolId, String clientId, Optional<String> clientSecret) {
        @Override
        public String toString() {
            return "Pool[" + userPoolId + ", client " + clientId + (clientSecret.isPresent() ? " with a secret" : "") + "]";
        }
    }

    private CognitoLocal(LocalServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.admin = CognitoIdentityProviderClient.builder().region(Region.of(REGION)).endpointOverride(server.url())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
    }

    /** Starts cognito-local with its data under {@code dataDir}. */
    public static CognitoLocal start(Path dataDir) {
        Path emulator = emulatorDir();
        Path start = emulator.resolve("node_modules/cognito-local/lib/bin/start.js");
        if (!Files.isRegularFile(start)) {
            throw new IllegalStateException("cognito-local is not installed in " + emulator
                    + ": run `npm ci` there (the build does it in generate-test-resources)");
        }
        int port = LocalServer.freePort();
        // HOST and PORT also make the issuer of its tokens http://127.0.0.1:{port}/{poolId}
        LocalServer server = LocalServer.start("cognito-local", dataDir, List.of("node", start.toString()),
                Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(port)), port, Duration.ofSeconds(60));
        return new CognitoLocal(server, dataDir);
    }

    /** Where {@code npm ci} installed the emulator: the build's system property, else found from the working directory. */
    public static Path emulatorDir() {
        String configured = System.getProperty("userpool.cognito.emulator.dir");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        for (String candidate : List.of("src/test/emulator", "../adapters-cognito/src/test/emulator", "adapters-cognito/src/test/emulator")) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir.resolve("node_modules/cognito-local"))) return dir;
        }
        throw new IllegalStateException("cannot find cognito-local; set -Duserpool.cognito.emulator.dir");
    }

    public URI endpoint() {
        return server.url();
    }

    /**
     * A pool whose usernames are email addresses and a client for it (SRP, password and refresh flows;
     * existence errors reported as in Cognito's LEGACY setting, since the app hides them itself).
     */
    public Pool createPool(boolean autoVerifyEmail, boolean withSecret) {
        UserPoolType pool = admin.createUserPool(b -> {
            b.poolName("userpool-" + UUID.randomUUID().toString().substring(0, 8))
                    .usernameAttributes(UsernameAttributeType.EMAIL);
            if (autoVerifyEmail) b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
        }).userPool();
        return createClient(pool.id(), withSecret);
    }

    /**
     * A pool like {@link #createPool} (auto-verified email, no client secret) that keeps the original
     * address active while a change waits for its code
     * ({@code UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate = [email]}), as
     * CognitoEmailChanges needs.
     */
    public Pool createPoolKeepingOriginalEmail() {
        UserPoolType pool = admin.createUserPool(b -> b
                .poolName("userpool-" + UUID.randomUUID().toString().substring(0, 8))
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .userAttributeUpdateSettings(u -> u.attributesRequireVerificationBeforeUpdateWithStrings("email"))).userPool();
        return createClient(pool.id(), false);
    }

    /**
     * The attribute-verification code cognito-local keeps for the account whose address, or pending new
     * address, is {@code email} (it "sends" it nowhere); gone once used.
     */
    public Optional<String> attributeVerificationCode(String userPoolId, EmailAddress email) {
        Path file = dataDir.resolve(".cognito/db/" + userPoolId + ".json");
        try {
            for (JsonNode user : JSON.readTree(file.toFile()).path("Users")) {
                boolean named = false;
                for (String list : List.of("Attributes", "UnverifiedAttributeChanges")) {
                    for (JsonNode attribute : user.path(list)) {
                        named |= "email".equals(attribute.path("Name").asText())
                                && email.value().equals(attribute.path("Value").asText());
                    }
                }
                if (named && user.hasNonNull("AttributeVerificationCode")) {
                    return Optional.of(user.path("AttributeVerificationCode").asText());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another app client of an existing pool. */
    public Pool createClient(String userPoolId, boolean withSecret) {
        UserPoolClientType client = admin.createUserPoolClient(b -> b.userPoolId(userPoolId).clientName("userpool-app")
                .generateSecret(withSecret)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY)
                .enableTokenRevocation(true)).userPoolClient();
        return new Pool(userPoolId, client.clientId(), Optional.ofNullable(client.clientSecret()));
    }

    /** The {@link CognitoPool} of a pool on this emulator. */
    public CognitoPool cognitoPool(Pool pool) {
        return new CognitoPool(REGION, pool.userPoolId(), Optional.of(endpoint()));
    }

    /**
     * The code cognito-local last "emailed" to {@code email} (sign-up or password reset), as it keeps
     * it in its data file; it is gone once used.
     */
    public Optional<String> currentCode(String userPoolId, EmailAddress email) {
        Path file = dataDir.resolve(".cognito/db/" + userPoolId + ".json");
        try {
            JsonNode users = JSON.readTree(file.toFile()).path("Users");
            for (JsonNode user : users) {
                for (JsonNode attribute : user.path("Attributes")) {
                    if ("email".equals(attribute.path("Name").asText()) && email.value().equals(attribute.path("Value").asText())) {
                        return Optional.ofNullable(user.path("ConfirmationCode").asText(null));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks the address verified the only way cognito-local accepts (with {@code email} in the same
     * AdminUpdateUserAttributes call): test set-up where the emulator differs, never the adapter's way.
     */
    public void markVerifiedTheEmulatorsWay(String userPoolId, EmailAddress email) {
        admin.adminUpdateUserAttributes(b -> b.userPoolId(userPoolId).username(email.value()).userAttributes(
                AttributeType.builder().name("email").value(email.value()).build(),
                AttributeType.builder().name("email_verified").value("true").build()));
    }

    /** Puts the user in {@code group} (made if new), as an operator would in the console. */
    public void addToGroup(String userPoolId, EmailAddress email, String group) {
        boolean exists = admin.listGroups(b -> b.userPoolId(userPoolId)).groups().stream().anyMatch(g -> g.groupName().equals(group));
        if (!exists) admin.createGroup(b -> b.userPoolId(userPoolId).groupName(group));
        admin.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(email.value()).groupName(group));
    }

    /** What the emulator printed, for diagnosis. */
    public List<String> output() {
        return server.output();
    }

    @Override
    public void close() {
        admin.close();
        server.close();
    }
}
