package dev.userpool.app.replicas;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.localpool.EmbeddedPoolProcess;
import dev.userpool.app.replicas.SignInLoad.Attempt;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.core.testing.LocalServer;
import dev.userpool.dynamodb.Dynalite;
import dev.userpool.embedded.EmbeddedSettings;
import dev.userpool.ses.testing.SesV2Stub;
import dev.userpool.ses.testing.SesV2Stub.SentEmail;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Three replicas of the app behind HAProxy, on AWS's services as a team outgrowing one machine runs them:
 * {@code USERPOOL_DIRECTORY=cognito}, {@code USERPOOL_EMAIL=ses} with link verification,
 * {@code USERPOOL_AUDIT=dynamodb}. The stand-ins: a separate userpool process whose local pool acts as
 * Cognito (cognito-local lacks GlobalSignOut, which sign-out needs), the SES v2 stub (custom
 * verification emails and SendEmail), and dynalite. Each replica has its own port and data directory;
 * everything else is set the same on all three, as docs/replicas.md says it must be.
 *
 * <p>The story runs with every step on a different replica than the step before (round-robin, shown by
 * HAProxy's {@code X-Served-By}); then one replica is killed with SIGKILL in the middle of a load of
 * sign-ins: each sign-in that got a 2xx has its audit event in DynamoDB, and after a short window
 * around the kill every sign-in succeeds on the two others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancedReplicasIT {
    static final String TABLE = "userpool-audit";
    static final List<String> NAMES = List.of("replica-1", "replica-2", "replica-3");
    /** From the kill until HAProxy has stopped sending to the dead replica: two failed checks 0.5 s apart, and slack for a shared machine. */
    static final Duration FAILURE_WINDOW = Duration.ofSeconds(3);
    /** Link sign-ups each replica gets in the burst: within its queue of 10, about 13 s at SES's 1 per second. */
    static final int BURST_PER_REPLICA = 4;

    @TempDir
    static Path work;
    static Path haproxyExecutable;
    static Dynalite dynalite;
    static DynamoDbClient dynamo;
    static SesV2Stub ses;
    static EmbeddedPoolProcess cognito;
    static final Map<String, Replica> replicas = new LinkedHashMap<>();
    static HaProxy haproxy;
    static ApiClient api;
    static ApiClient pool;

    @BeforeAll
    static void start() throws Exception {
        haproxyExecutable = HaProxy.require();   // before anything starts: skip (or fail in CI) at once
        dynalite = Dynalite.inMemory();
        dynamo = dynalite.client();
        ses = SesV2Stub.start();
        cognito = EmbeddedPoolProcess.start(Map.of());
        pool = new ApiClient(cognito.baseUrl());

        int lbPort = LocalServer.freePort();
        URI lb = URI.create("http://127.0.0.1:" + lbPort);
        Map<String, String> shared = sharedSettings(lb);
        for (String name : NAMES) replicas.put(name, Replica.create(name, work.resolve(name), shared));
        startTogether(replicas.values());   // as an auto-scaling group would: the table and the SES template race, harmlessly
        Map<String, Integer> ports = new LinkedHashMap<>();
        replicas.forEach((name, r) -> ports.put(name, r.port()));
        haproxy = HaProxy.start(haproxyExecutable, work, lbPort, ports);
        for (String name : NAMES) haproxy.awaitStatus(name, "UP", Duration.ofSeconds(20));
        api = new ApiClient(haproxy.url());
    }

    /**
     * What every replica is told alike. The public base URL is the load balancer's: it is in the SES
     * template's redirect URLs, which each replica syncs at start (different URLs would have them
     * rewrite the one template in turn).
     */
    static Map<String, String> sharedSettings(URI lb) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("USERPOOL_BASE_URL", lb.toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("USERPOOL_DIRECTORY", "cognito");
        env.put("USERPOOL_COGNITO_USER_POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID);
        env.put("USERPOOL_COGNITO_CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID);
        env.put("USERPOOL_COGNITO_ENDPOINT", cognito.baseUrl().toString());
        env.put("USERPOOL_EMAIL", "ses");
        env.put("USERPOOL_VERIFICATION", "link");
        env.put("USERPOOL_SES_FROM", "no-reply@auth.example.com");
        env.put("USERPOOL_SES_TEMPLATE", "replicas-verify");
        env.put("USERPOOL_SES_ENDPOINT", ses.endpoint().toString());
        env.put("USERPOOL_AUDIT", "dynamodb");
        env.put("USERPOOL_DYNAMODB_TABLE", TABLE);
        env.put("USERPOOL_DYNAMODB_ENDPOINT", dynalite.endpoint().toString());
        env.put("USERPOOL_DYNAMODB_CREATE_TABLE", "true");
        return env;
    }

    private static void startTogether(Collection<Replica> toStart) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(toStart.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Replica r : toStart) started.add(starter.submit(r::start));
            for (Future<?> f : started) f.get();
        } finally {
            starter.shutdownNow();
        }
    }

    @AfterAll
    static void stop() {
        // each in its own step, so one that fails to stop leaves none of the others running
        if (haproxy != null) haproxy.close();
        for (Replica r : replicas.values()) r.close();
        if (cognito != null) cognito.close();
        if (ses != null) ses.close();
        if (dynamo != null) dynamo.close();
        if (dynalite != null) dynalite.close();
    }

    /** Who served each step of the story, in order. */
    private final List<String> servedBy = new ArrayList<>();

    private Response step(String what, Response response, int expectedStatus) {
        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(expectedStatus);
        String replica = response.raw().headers().firstValue(HaProxy.SERVED_BY)
                .orElseThrow(() -> new AssertionError(what + " came back without " + HaProxy.SERVED_BY));
        servedBy.add(what + "@" + replica);
        return response;
    }

    @Test
    @Order(1)
    void theWholeStoryRunsWithEachStepOnAnotherReplica() {
        String email = "rider@example.com";
        Response signUp = step("sign-up", api.signUp(email), 201);
        String userId = signUp.json().path("userId").asText();
        // The pool acting as Cognito mails a code at every sign-up, like a Cognito pool that auto-verifies
        // email; the replicas, set to verify by link, also sent SES's link. Either confirms the account:
        // this person uses the code, the next one below the link.
        step("confirm", api.post("/api/confirm", Map.of("email", email, "code", pool.latestCode(email))), 200);
        JsonNode tokens = step("sign-in", api.post("/api/signin", Map.of("email", email, "password", PASSWORD)), 200).json();
        Response refreshed = step("refresh", api.post("/api/refresh", Map.of("refreshToken", tokens.path("refreshToken").asText())), 200);
        String access = refreshed.json().path("accessToken").asText();
        Response me = step("me", api.get("/api/me", access), 200);
        assertThat(me.json().path("userId").asText()).isEqualTo(userId);
        assertThat(me.json().path("status").asText()).isEqualTo("CONFIRMED");
        String newPassword = "Another-Horse-7";
        step("change password", api.post("/api/change-password", Map.of("oldPassword", PASSWORD, "newPassword", newPassword), access), 204);
        assertThat(ses.emailsTo(email)).extracting(SentEmail::subject).contains("Your password was changed");
        // the pool revoked the tokens of the old password: the next session starts with the new one
        JsonNode session = step("sign-in with the new password",
                api.post("/api/signin", Map.of("email", email, "password", newPassword)), 200).json();
        step("sign-out", api.post("/api/signout", null, session.path("accessToken").asText()), 204);
        Response afterSignOut = step("refresh after sign-out",
                api.post("/api/refresh", Map.of("refreshToken", session.path("refreshToken").asText())), 401);
        assertThat(afterSignOut.code()).as("GlobalSignOut revoked the refresh token for every replica").isEqualTo("NotAuthorized");

        String linked = "linked@example.com";
        Response linkSignUp = step("sign-up by link", api.signUp(linked), 201);
        assertThat(linkSignUp.json().path("confirmWith").asText()).isEqualTo("LINK");
        assertThat(ses.verificationEmailsSent()).containsOnlyOnce(linked);
        Response pending = step("link not opened yet", api.post("/api/verify-link/complete", Map.of("email", linked)), 200);
        assertThat(pending.json().path("verification").asText()).isEqualTo("PENDING");
        ses.markVerified(linked);   // the person opened the link in SES's email
        Response verified = step("link opened", api.post("/api/verify-link/complete", Map.of("email", linked)), 200);
        assertThat(verified.json().path("verification").asText()).isEqualTo("VERIFIED");
        assertThat(verified.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(verified.json().path("emailVerified").asBoolean()).isTrue();
        step("sign-in after the link", api.post("/api/signin", Map.of("email", linked, "password", PASSWORD)), 200);

        for (Replica r : replicas.values()) {
            assertThat(r.dataFiles()).as("%s keeps no user, token key or mail of its own", r.name())
                    .noneMatch(f -> f.startsWith("userpool.db"));
        }
        List<String> order = servedBy.stream().map(s -> s.substring(s.indexOf('@') + 1)).toList();
        assertThat(Set.copyOf(order)).as("every replica served part of the story: %s", servedBy).containsExactlyInAnyOrderElementsOf(NAMES);
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i)).as("step %d on another replica than the step before: %s", i, servedBy).isNotEqualTo(order.get(i - 1));
        }
    }

    /**
     * Shared pacing between processes: SES allows its account one custom-verification request per second
     * (USERPOOL_SES_RATE=1, the default), whichever replica asks. A burst of link sign-ups spread over the
     * three replicas waits its turn (each sign-up is answered once its link is out) and SES sees at most
     * one send in any second. Each replica pacing on its own would send three in the first second.
     */
    @Test
    @Order(2)
    void aBurstOfLinkSignUpsOverTheReplicasKeepsTheAccountsRateAtSes() throws Exception {
        int people = BURST_PER_REPLICA * NAMES.size();
        ExecutorService clients = Executors.newFixedThreadPool(people);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String email = "burst-" + i + "@example.com";
                answers.add(clients.submit(() -> api.signUp(email)));
            }
            Set<String> served = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response signUp = answer.get(90, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(signUp.status()).as(signUp.text()).isEqualTo(201);
                signUp.raw().headers().firstValue(HaProxy.SERVED_BY).ifPresent(served::add);
            }
            assertThat(served).as("the burst was spread over every replica").containsExactlyInAnyOrderElementsOf(NAMES);
        } finally {
            clients.shutdownNow();
        }

        List<SesV2Stub.Call> sends = ses.calls(SesV2Stub.Operation.SEND_CUSTOM_VERIFICATION_EMAIL).stream()
                .filter(c -> c.json().path("EmailAddress").asText().startsWith("burst-")).toList();
        assertThat(sends.stream().map(c -> c.json().path("EmailAddress").asText()))
                .as("every link sent exactly once").doesNotHaveDuplicates().hasSize(people);
        List<Instant> received = sends.stream().map(SesV2Stub.Call::at).sorted().toList();
        assertThat(mostInAnySecond(received)).as("sends SES received in any 1-second window: %s", received).isEqualTo(1);
    }

    /** The most instants any half-open window [t, t + 1 s) holds. */
    private static int mostInAnySecond(List<Instant> sorted) {
        int most = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int j = i;
            while (j < sorted.size() && Duration.between(sorted.get(i), sorted.get(j)).compareTo(Duration.ofSeconds(1)) < 0) j++;
            most = Math.max(most, j - i);
        }
        return most;
    }

    @Test
    @Order(3)
    void aReplicaKilledUnderLoadLosesNoAcknowledgedAuditEventAndTheOthersServeTheRest() throws Exception {
        Map<String, String> accounts = new LinkedHashMap<>();
        Map<String, String> userIds = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            String email = "load-" + i + "@example.com";
            Response signUp = api.signUp(email);
            assertThat(signUp.status()).as(signUp.text()).isEqualTo(201);
            userIds.put(email, signUp.json().path("userId").asText());
            Response confirm = api.post("/api/confirm", Map.of("email", email, "code", pool.latestCode(email)));
            assertThat(confirm.status()).as(confirm.text()).isEqualTo(200);
            accounts.put(email, PASSWORD);
        }

        Replica victim = replicas.get("replica-2");
        Instant begin = Instant.now();
        SignInLoad load = new SignInLoad(haproxy.url(), Duration.ofMillis(50));
        load.start(accounts, begin.plusSeconds(12));
        Thread.sleep(4_000);
        Instant killedAt = Instant.now();
        victim.kill();
        haproxy.awaitStatus(victim.name(), "DOWN", Duration.ofSeconds(5));
        List<Attempt> attempts = load.await();

        String summary = summary(attempts, killedAt);
        System.out.println("Load through HAProxy, " + victim.name() + " killed: " + summary);   // for the build log
        List<Attempt> before = attempts.stream().filter(a -> a.answered().isBefore(killedAt)).toList();
        Instant windowEnd = killedAt.plus(FAILURE_WINDOW);
        List<Attempt> afterWindow = attempts.stream().filter(a -> a.sent().isAfter(windowEnd)).toList();
        List<Attempt> failed = attempts.stream().filter(a -> !a.succeeded()).toList();

        assertThat(before).as("the load reached every replica before the kill: %s", summary)
                .extracting(Attempt::servedBy).containsAll(NAMES);
        assertThat(before).as("before the kill everything succeeded: %s", summary).allMatch(Attempt::succeeded);
        assertThat(failed).as("only requests in flight around the kill may fail: %s", summary).allSatisfy(a -> {
            assertThat(a.answered()).isAfterOrEqualTo(killedAt);
            assertThat(a.sent()).isBefore(windowEnd);
        });
        assertThat(afterWindow).as("after the window, a real load: %s", summary).hasSizeGreaterThanOrEqualTo(10);
        assertThat(afterWindow).as("after the window every sign-in succeeds, on the two others: %s", summary).allSatisfy(a -> {
            assertThat(a.succeeded()).as(a.toString()).isTrue();
            assertThat(a.servedBy()).as(a.toString()).isIn("replica-1", "replica-3");
        });

        // The dead replica comes back on its own disk: HAProxy takes it in again, and it replays whatever
        // its spool held (events accepted while DynamoDB was slow are fsync'd there before the answer).
        long spooled = victim.spooledSegments();
        victim.start();
        haproxy.awaitStatus(victim.name(), "UP", Duration.ofSeconds(20));

        Set<String> acknowledged = attempts.stream().filter(Attempt::succeeded).map(Attempt::requestId).collect(Collectors.toSet());
        Set<String> inTable = awaitAuditRequestIds(userIds.values(), acknowledged, Duration.ofSeconds(20));
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(inTable);
        assertThat(lost).as("2xx sign-ins without their audit event in DynamoDB (the killed replica had %d spool segments): %s",
                spooled, summary).isEmpty();
        assertThat(acknowledged).as(summary).hasSizeGreaterThanOrEqualTo(40);
    }

    /** The request ids of the accounts' audit events in the table, once they hold all of {@code expected} or the time is up. */
    private static Set<String> awaitAuditRequestIds(Collection<String> userIds, Set<String> expected, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Set<String> ids = new HashSet<>();
            for (String userId : userIds) {
                dynamo.queryPaginator(q -> q.tableName(TABLE).keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId))))
                        .items().forEach(item -> {
                            AttributeValue id = item.get("requestId");
                            if (id != null) ids.add(id.s());
                        });
            }
            if (ids.containsAll(expected) || Instant.now().isAfter(deadline)) return ids;
            Thread.sleep(500);
        }
    }

    private static String summary(List<Attempt> attempts, Instant killedAt) {
        Map<String, Long> byReplica = attempts.stream().collect(Collectors.groupingBy(Attempt::servedBy, Collectors.counting()));
        Map<Integer, Long> byStatus = attempts.stream().collect(Collectors.groupingBy(Attempt::status, Collectors.counting()));
        List<Attempt> failed = attempts.stream().filter(a -> !a.succeeded()).toList();
        return "%d sign-ins, by replica %s, by status %s, killed at %s, failures %s".formatted(attempts.size(), byReplica,
                byStatus, killedAt, failed);
    }
}
