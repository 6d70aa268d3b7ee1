package dev.userpool.app.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.LocalServer;
import dev.userpool.dynamodb.AuditTable;
import dev.userpool.dynamodb.Dynalite;
import dev.userpool.dynamodb.PacingSchedule;
import dev.userpool.ses.SendPacer;
import dev.userpool.ses.testing.SesV2Stub;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SES's account-wide rate shared by replicas through the audit table on dynalite: three pacers, each
 * with its own DynamoDB client as three replicas would have, asked for 30 sends at once (10 each): every
 * send runs exactly once, and no 1-second window holds more sends than the account's rate. The same
 * with three apps (in this JVM, each with its own data directory and clients) and the SES stub, asked
 * for 30 link sign-ups at once round robin: each answered 201 once its link is sent, each link sent
 * once, no second at the stub over the rate. A pacer that cannot reach DynamoDB paces alone at its
 * share of the rate, and says so.
 */
class SharedPacingIT {
    static final String TABLE = "userpool-audit";
    static final double RATE = 2;   // per second, for the account: 30 sends take about 16 s

    private record Send(int id, long startedNanos) {}

    @Test
    void threeReplicasAskedForThirtySendsAtOnceSendEachOnceWithinTheAccountsRate() throws Exception {
        try (Dynalite dynalite = Dynalite.inMemory(); DynamoDbClient setUp = dynalite.client()) {
            new AuditTable(setUp, TABLE).createIfMissing(Duration.ofSeconds(30));
            List<DynamoDbClient> clients = new ArrayList<>();
            List<SendPacer> pacers = new ArrayList<>();
            for (int replica = 0; replica < 3; replica++) {
                DynamoDbClient client = dynalite.client();
                clients.add(client);
                PacingSchedule schedule = new PacingSchedule(client, TABLE, "ses-custom-verification", Clock.systemUTC());
                pacers.add(new SendPacer(RATE, 30, Clock.systemUTC(), SendPacer.Sleeper.threadSleep(),
                        Optional.of(schedule::reserve), 0.5));
            }
            ConcurrentLinkedQueue<Send> sent = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService callers = Executors.newFixedThreadPool(30);
            try {
                List<CompletableFuture<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int id = i;
                    SendPacer pacer = pacers.get(i % 3);   // spread across the replicas, as a load balancer would
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return pacer.run(() -> {
                            sent.add(new Send(id, System.nanoTime()));
                            return id;
                        });
                    }, callers));
                }
                go.countDown();
                for (int i = 0; i < 30; i++) {
                    assertThat(answers.get(i).get(90, TimeUnit.SECONDS)).as("each caller gets its own send's answer").isEqualTo(i);
                }
            } finally {
                callers.shutdownNow();
                pacers.forEach(SendPacer::close);
                clients.forEach(DynamoDbClient::close);
            }

            assertThat(sent.stream().map(Send::id)).as("every send exactly once").doesNotHaveDuplicates().hasSize(30);
            List<Long> starts = new ArrayList<>(sent.stream().map(Send::startedNanos).toList());
            Collections.sort(starts);
            assertThat(mostInAnySecond(starts)).as("sends in any 1-second window").isLessThanOrEqualTo((int) RATE);
            assertThat(pacers).allSatisfy(p -> assertThat(p.mode()).isEqualTo(SendPacer.Mode.SHARED));
        }
    }

    @Test
    void aReplicaThatCannotReachDynamoDbPacesAloneAtItsShare() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + LocalServer.freePort());
        try (DynamoDbClient unreachable = Dynalite.client(nobody)) {
            PacingSchedule schedule = new PacingSchedule(unreachable, TABLE, "ses-custom-verification", Clock.systemUTC());
            SendPacer pacer = new SendPacer(RATE, 10, Clock.systemUTC(), SendPacer.Sleeper.threadSleep(),
                    Optional.of(schedule::reserve), 0.5);
            try {
                List<Long> starts = new ArrayList<>();
                for (int i = 0; i < 3; i++) starts.add(pacer.run(System::nanoTime));
                assertThat(pacer.mode()).isEqualTo(SendPacer.Mode.FALLBACK);
                assertThat(pacer.ratePerSecond()).isEqualTo(RATE * 0.5);
                assertThat(mostInAnySecond(starts)).as("alone at half the account's rate").isEqualTo(1);
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void threeAppsOnDynamoDbAndSesAskedForThirtyLinkSignUpsAtOnceSendEachLinkOnceWithinTheRate() throws Exception {
        try (Dynalite dynalite = Dynalite.inMemory(); SesV2Stub ses = SesV2Stub.start()) {
            Map<String, String> env = Map.ofEntries(Map.entry("USERPOOL_AUDIT", "dynamodb"),
                    Map.entry("USERPOOL_DYNAMODB_TABLE", TABLE), Map.entry("USERPOOL_DYNAMODB_CREATE_TABLE", "true"),
                    Map.entry("USERPOOL_DYNAMODB_ENDPOINT", dynalite.endpoint().toString()),
                    Map.entry("USERPOOL_EMAIL", "ses"), Map.entry("USERPOOL_VERIFICATION", "link"),
                    Map.entry("USERPOOL_SES_FROM", "no-reply@auth.example.com"), Map.entry("USERPOOL_SES_TEMPLATE", "verify"),
                    Map.entry("USERPOOL_SES_ENDPOINT", ses.endpoint().toString()), Map.entry("USERPOOL_SES_RATE", "2"),
                    Map.entry("USERPOOL_SES_QUEUE", "30"), Map.entry("AWS_REGION", "eu-west-1"));
            List<RunningApp> apps = new ArrayList<>();
            ExecutorService people = Executors.newFixedThreadPool(30);
            try {
                for (int replica = 0; replica < 3; replica++) apps.add(RunningApp.start(env));
                ses.clearCalls();   // the template syncs at start are paced too; only the sign-ups are counted
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    ApiClient api = new ApiClient(apps.get(i % 3).baseUrl());   // round robin, as the load balancer
                    String email = "burst-" + i + "@example.com";
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return api.signUp(email).status();
                    }, people));
                }
                go.countDown();
                for (CompletableFuture<Integer> answer : answers) assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(201);
            } finally {
                people.shutdownNow();
                apps.forEach(RunningApp::close);
            }

            List<SesV2Stub.Call> sends = ses.calls(SesV2Stub.Operation.SEND_CUSTOM_VERIFICATION_EMAIL);
            assertThat(sends.stream().map(c -> c.json().path("EmailAddress").asText()))
                    .as("every link sent exactly once").doesNotHaveDuplicates().hasSize(30);
            List<Long> received = new ArrayList<>(sends.stream()
                    .map(c -> c.at().getEpochSecond() * 1_000_000_000L + c.at().getNano()).toList());
            Collections.sort(received);
            assertThat(mostInAnySecond(received)).as("sends SES received in any 1-second window").isLessThanOrEqualTo(2);
        }
    }

    /** The most starts any half-open window [t, t + 1 s) holds. */
    private static int mostInAnySecond(List<Long> sortedStarts) {
        int most = 0;
        for (int i = 0; i < sortedStarts.size(); i++) {
            int j = i;
            while (j < sortedStarts.size() && sortedStarts.get(j) - sortedStarts.get(i) < 1_000_000_000L) j++;
            most = Math.max(most, j - i);
        }
        return most;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
