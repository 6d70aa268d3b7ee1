package dev.userpool.dynamodb;

import static dev.userpool.dynamodb.AuditEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.event.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchWriterTest {
    private final StubDynamoDb dynamo = new StubDynamoDb();
    private final AuditItemMapper mapper = new AuditItemMapper(4, Duration.ofDays(400));
    private final Instant t = Instant.parse("2030-01-01T00:00:00Z");

    private BatchWriter writer(int attempts) {
        return new BatchWriter(dynamo, "audit", mapper, attempts, new Backoff(Duration.ofMillis(1), Duration.ofMillis(4)));
    }

    private List<AuditEvent> events(int n) {
        List<AuditEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(signIn("u" + i, t.plusMillis(i)));
        return list;
    }

    @Test
    void unprocessedItemsAreSentAgainUntilDynamoDbHasThemAll() throws Exception {
        // DynamoDB takes only the first 10 items of each call, as it does when a partition is busy
        dynamo.answer(requests -> requests.size() > 10 ? requests.subList(10, requests.size()) : List.of());
        BatchWriter writer = writer(8);

        writer.write(events(25));

        assertThat(dynamo.storedCount()).isEqualTo(25);
        assertThat(dynamo.batchSizes()).containsExactly(25, 15, 5);
        assertThat(writer.requests()).isEqualTo(3);
        assertThat(writer.itemsWritten()).isEqualTo(25);
    }

    @Test
    void afterTheLastAttemptWhatIsStillUnprocessedIsHandedBack() {
        List<AuditEvent> events = events(5);
        dynamo.answer(requests -> requests.subList(1, requests.size()));   // one item per call gets through
        BatchWriter writer = writer(3);

        assertThatThrownBy(() -> writer.write(events)).isInstanceOfSatisfying(BatchWriter.Undelivered.class,
                u -> assertThat(u.events()).containsExactlyElementsOf(events.subList(3, 5)));
        assertThat(dynamo.batchSizes()).containsExactly(5, 4, 3);
    }

    @Test
    void theWaitsBetweenAttemptsGrow() throws Exception {
        List<Long> calls = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        dynamo.answer(requests -> {
            calls.add(System.nanoTime());
            return n.incrementAndGet() < 6 ? requests : List.of();
        });
        new BatchWriter(dynamo, "audit", mapper, 8, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1)))
                .write(events(1));

        long firstGap = calls.get(1) - calls.get(0);
        long lastGap = calls.get(5) - calls.get(4);
        assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(5));
        assertThat(Duration.ofNanos(lastGap)).isGreaterThanOrEqualTo(Duration.ofMillis(80));   // 10·2⁴/2
    }

    @Test
    void noAnswerHandsTheWholeBatchBack() {
        List<AuditEvent> events = events(3);
        dynamo.answer(requests -> {
            throw SdkClientException.create("Connection refused");
        });
        assertThatThrownBy(() -> writer(3).write(events)).isInstanceOfSatisfying(BatchWriter.Undelivered.class,
                u -> assertThat(u.events()).containsExactlyElementsOf(events));
    }

    @Test
    void theSameEventTwiceInABatchIsOnePut() throws Exception {
        AuditEvent e = signIn("u1", t);
        writer(3).write(List.of(e, e, signIn("u2", t)));
        assertThat(dynamo.batchSizes()).containsExactly(2);
        assertThat(dynamo.storedEvents()).hasSize(2);
    }

    @Test
    void anItemDynamoDbRefusesIsSingledOutAndTheOthersAreWritten() throws Exception {
        List<AuditEvent> events = events(4);
        String bad = mapper.toItem(events.get(2)).get("sk").s();
        dynamo.answer(requests -> {
            for (WriteRequest r : requests) {
                if (r.putRequest().item().get("sk").s().equals(bad)) {
                    throw DynamoDbException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ValidationException").errorMessage("Item size has exceeded the maximum").build()).build();
                }
            }
            return List.of();
        });

        BatchWriter.Refused refused = writer(3).write(events);

        assertThat(refused.events()).containsExactly(events.get(2));
        assertThat(refused.reason()).isEqualTo("ValidationException");
        assertThat(dynamo.storedEvents()).containsExactlyInAnyOrder(events.get(0), events.get(1), events.get(3));
    }

    @Test
    void moreThan25AtOnceIsAProgrammingError() {
        assertThatThrownBy(() -> writer(3).write(events(26))).isInstanceOf(IllegalArgumentException.class);
    }
}
