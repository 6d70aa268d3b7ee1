package dev.userpool.app.migration;

import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.GroupAdministration.MembershipCommand;
import dev.userpool.core.port.in.GroupAdministration.NewGroup;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.migration.JarCommand.Launched;
import dev.userpool.app.migration.JarCommand.Run;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.CognitoLocal;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.Administration.AdminCommand;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The way from one machine to Cognito, as an operator runs it: {@code users export} beside a running
 * embedded service, {@code users import --to cognito} into cognito-local, each the built jar in a
 * process of its own; an import killed half-way (SIGKILL) and run again; files that must not import.
 *
 * A second userpool's local pool as the target: {@link UsersImportToLocalPoolIT}.
 */
class UsersMigrationIT {
    private static final Pattern REPORT = Pattern.compile(
            "Created (\\d+), skipped as existing (\\d+), done by an earlier run (\\d+), failed (\\d+) \\(of (\\d+)\\)");

    @TempDir
    static Path dir;
    static CognitoLocal cognito;
    static CognitoIdentityProviderClient admin;

    @BeforeAll
    static void start() throws IOException {
        cognito = CognitoLocal.start(Files.createDirectories(dir.resolve("cognito")));
        admin = CognitoIdentityProviderClient.builder().region(Region.of(CognitoLocal.REGION)).endpointOverride(cognito.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        if (admin != null) admin.close();
        if (cognito != null) cognito.close();
    }

    private static Map<String, String> cognitoEnv(CognitoLocal.Pool pool, Path dataDir) {
        return Map.of("USERPOOL_DATA_DIR", dataDir.toString(),
                "AWS_REGION", CognitoLocal.REGION,
                "USERPOOL_COGNITO_USER_POOL_ID", pool.userPoolId(),
                "USERPOOL_COGNITO_CLIENT_ID", pool.clientId(),
                "USERPOOL_COGNITO_ENDPOINT", cognito.endpoint().toString());
    }

    private static Launched launch(Map<String, String> env, String... args) {
        return JarCommand.launch(dir, env, args);
    }

    private static Run run(Map<String, String> env, String... args) {
        return JarCommand.run(dir, env, args);
    }

    private static String read(Path file) {
        return JarCommand.read(file);
    }

    @Test
    void theEmbeddedPoolsAccountsArriveInCognitoConfirmedWithTheirVerificationAndSetTheirPasswordByForgotPassword() throws Exception {
        CognitoLocal.Pool pool = cognito.createPool(false, false);
        Path csv = dir.resolve("users.csv");
        try (RunningApp app = RunningApp.start(Map.of())) {
            ApiClient api = new ApiClient(app.baseUrl());
            api.register("verified@example.com");
            api.signUp("operator-confirmed@example.com");
            app.component().administration().confirm(command("operator-confirmed@example.com"));
            api.signUp("unconfirmed@example.com");
            api.register("disabled@example.com");
            app.component().administration().disable(command("disabled@example.com"));
            GroupAdministration groups = app.component().groupAdministration();
            groups.create(new NewGroup(Actor.system(), "riders", Optional.of("They ride"), Optional.of(2), Optional.empty(),
                    RequestContext.internal("test")));
            for (String member : List.of("verified@example.com", "operator-confirmed@example.com", "disabled@example.com")) {
                groups.addUser(new MembershipCommand(Actor.system(), "riders", member, RequestContext.internal("test")));
            }

            // beside the running service, on its data directory
            Run export = run(Map.of("USERPOOL_DATA_DIR", app.dataDir().toString()), "users", "export", "--to", csv.toString());
            assertThat(export.exit()).as(export.err()).isZero();
            assertThat(export.err()).contains("Exported 2 account(s)", "Left out: 1 unconfirmed", "1 disabled");
        }
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo(String.join(",", CognitoUserCsv.HEADER));

        Run imported = run(cognitoEnv(pool, dir.resolve("import-data")), "users", "import", "--to", "cognito", "--from", csv.toString());

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(report(imported.out())).containsExactly(2, 0, 0, 0, 2);
        assertThat(imported.err()).as("no terminal: plain progress lines").contains("2/2 accounts").doesNotContain("\r");
        assertThat(imported.out()).contains("Groups: created 1, skipped as existing 0, memberships added 2, "
                + "done by an earlier run 0, failed 0 (of 1 groups)");
        assertThat(admin.getGroup(b -> b.userPoolId(pool.userPoolId()).groupName("riders")).group())
                .extracting(GroupType::description, GroupType::precedence).containsExactly("They ride", 2);
        assertThat(admin.listUsersInGroup(b -> b.userPoolId(pool.userPoolId()).groupName("riders")).users())
                .extracting(u -> u.attributes().stream().filter(a -> a.name().equals("email")).map(AttributeType::value)
                        .findFirst().orElseThrow())
                .containsExactlyInAnyOrder("verified@example.com", "operator-confirmed@example.com");
        assertThat(poolUsers(pool.userPoolId())).containsOnlyKeys("verified@example.com", "operator-confirmed@example.com");
        for (String email : List.of("verified@example.com", "operator-confirmed@example.com")) {
            AdminGetUserResponse user = admin.adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(email));
            assertThat(user.userStatusAsString()).as(email).isEqualTo("CONFIRMED");
            assertThat(user.enabled()).as(email).isTrue();
            assertThat(attribute(user, "email_verified")).as(email).isEqualTo(email.startsWith("verified") ? "true" : "false");
        }
        for (String email : List.of("unconfirmed@example.com", "disabled@example.com")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(email)))
                    .as(email).isInstanceOf(UserNotFoundException.class);
        }

        // nobody knows the password the import set: the user chooses one through "forgot password"
        admin.forgotPassword(b -> b.clientId(pool.clientId()).username("verified@example.com"));
        String code = cognito.currentCode(pool.userPoolId(), new EmailAddress("verified@example.com")).orElseThrow();
        admin.confirmForgotPassword(b -> b.clientId(pool.clientId()).username("verified@example.com")
                .confirmationCode(code).password("Chosen-Anew-42"));
        assertThat(admin.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "verified@example.com", "PASSWORD", "Chosen-Anew-42")))
                .authenticationResult().accessToken()).isNotBlank();

        Run again = run(cognitoEnv(pool, dir.resolve("import-data")), "users", "import", "--to", "cognito", "--from", csv.toString());
        assertThat(again.exit()).isZero();
        assertThat(report(again.out())).containsExactly(0, 0, 2, 0, 2);
        Run freshState = run(cognitoEnv(pool, dir.resolve("import-data")), "users", "import", "--to", "cognito", "--from",
                csv.toString(), "--state", dir.resolve("other.state").toString());
        assertThat(freshState.exit()).isZero();
        assertThat(report(freshState.out())).containsExactly(0, 2, 0, 0, 2);
        // cognito-local's CreateGroup answers an existing name as a new group (Cognito and our local pool say
        // GroupExistsException: UsersImportToLocalPoolIT); either way nothing fails and adding again is no change
        assertThat(freshState.out()).contains("memberships added 2, done by an earlier run 0, failed 0 (of 1 groups)");
        assertThat(admin.listUsersInGroup(b -> b.userPoolId(pool.userPoolId()).groupName("riders")).users()).hasSize(2);
    }

    @Test
    void anImportKilledHalfWayResumesAndEveryAccountArrivesOnce() throws Exception {
        CognitoLocal.Pool pool = cognito.createPool(false, false);
        Path csv = dir.resolve("many.csv");
        int total = 300;
        StringWriter text = new StringWriter();
        CognitoUserCsv.writeHeader(text);
        for (int i = 0; i < total; i++) CognitoUserCsv.write(text, new EmailAddress("rider" + i + "@example.com"), i % 3 != 0);
        Files.writeString(csv, text.toString());
        Path state = dir.resolve("many.csv.import-state");
        Map<String, String> env = cognitoEnv(pool, dir.resolve("kill-data"));

        Launched first = launch(env, "users", "import", "--to", "cognito", "--from", csv.toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (doneIn(state) < 5) {
            assertThat(first.process().isAlive()).as("still importing: " + read(first.err())).isTrue();
            assertThat(Instant.now()).as("the import made no progress").isBefore(deadline);
            Thread.sleep(5);
        }
        first.process().destroyForcibly();   // SIGKILL: no shutdown hook, no last write
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        int doneAtKill = doneIn(state);
        assertThat(doneAtKill).as("killed half-way").isBetween(5, total - 1);

        Run resumed = run(env, "users", "import", "--to", "cognito", "--from", csv.toString());

        assertThat(resumed.exit()).as(resumed.err()).isZero();
        int[] counts = report(resumed.out());
        assertThat(counts[2]).as("done by the killed run").isEqualTo(doneAtKill);
        assertThat(counts[1]).as("created by the killed run after its last write").isBetween(0, 1);
        assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(total);
        assertThat(counts[3]).isZero();
        Map<String, UserType> users = poolUsers(pool.userPoolId());
        assertThat(users).hasSize(total);
        assertThat(new HashSet<>(users.keySet())).hasSize(total);
        assertThat(users.values()).allSatisfy(u -> assertThat(u.userStatusAsString()).isEqualTo("CONFIRMED"));
    }

    @Test
    void aFileThatCannotBeImportedIsRefusedByItsLineAndNothingIsCreated() throws Exception {
        CognitoLocal.Pool pool = cognito.createPool(false, false);
        Map<String, String> env = cognitoEnv(pool, dir.resolve("bad-data"));
        StringWriter text = new StringWriter();
        CognitoUserCsv.writeHeader(text);
        CognitoUserCsv.write(text, new EmailAddress("first@example.com"), true);
        Path malformed = dir.resolve("malformed.csv");
        Files.writeString(malformed, text + "second@example.com,true\r\n");

        Run refused = run(env, "users", "import", "--to", "cognito", "--from", malformed.toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("malformed.csv, line 3: 2 fields where the header has 21", "Nothing was imported");
        Path unknown = dir.resolve("unknown.csv");
        // custom:… columns are the pool's custom attributes; a column Cognito's CSV never has is refused
        Files.writeString(unknown, "email,email_verified,cognito:username,password_hash\nfirst@example.com,true,first@example.com,x\n");
        Run unknownColumn = run(env, "users", "import", "--to", "cognito", "--from", unknown.toString());
        assertThat(unknownColumn.exit()).isEqualTo(2);
        assertThat(unknownColumn.err()).contains("line 1: unknown column 'password_hash'");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, text.toString());
        Run unconfigured = run(Map.of("USERPOOL_DATA_DIR", dir.resolve("bad-data").toString()), "users", "import", "--to",
                "cognito", "--from", good.toString());
        assertThat(unconfigured.exit()).isEqualTo(2);
        assertThat(unconfigured.err()).contains("users import --to cognito reads the Cognito settings",
                "USERPOOL_COGNITO_USER_POOL_ID");
        assertThat(poolUsers(pool.userPoolId())).isEmpty();
        assertThat(Files.exists(dir.resolve("malformed.csv.import-state"))).as("not even a state file").isFalse();
        assertThat(Files.exists(dir.resolve("good.csv.import-state"))).as("not even a state file").isFalse();
    }

    private static int doneIn(Path state) throws IOException {
        if (!Files.exists(state)) return 0;
        String text = Files.readString(state);
        return (int) text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count() - (text.endsWith("\n") ? 0 : 1);
    }

    private static AdminCommand command(String email) {
        return new AdminCommand(Actor.system(), email, RequestContext.internal("test"));
    }

    private static Map<String, UserType> poolUsers(String poolId) {
        Map<String, UserType> users = new HashMap<>();
        String token = null;
        do {
            String page = token;
            ListUsersResponse r = admin.listUsers(b -> b.userPoolId(poolId).paginationToken(page));
            for (UserType u : r.users()) {
                String email = u.attributes().stream().filter(a -> a.name().equals("email")).map(AttributeType::value).findFirst().orElseThrow();
                assertThat(users.put(email, u)).as("one account for " + email).isNull();
            }
            token = r.paginationToken();
        } while (token != null);
        return users;
    }

    private static String attribute(AdminGetUserResponse user, String name) {
        return user.userAttributes().stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse("");
    }

    private static int[] report(String out) {
        Matcher m = REPORT.matcher(out);
        assertThat(m.find()).as("a report in: " + out).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))};
    }
}
