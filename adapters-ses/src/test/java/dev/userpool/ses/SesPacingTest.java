package dev.userpool.ses;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.ses.testing.SesV2Stub.Operation.CREATE_TEMPLATE;
import static dev.userpool.ses.testing.SesV2Stub.Operation.GET_TEMPLATE;
import static dev.userpool.ses.testing.SesV2Stub.Operation.SEND_CUSTOM_VERIFICATION_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.ses.testing.SesV2Stub.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SES takes SendCustomVerificationEmail and the template operations once per second per account. The
 * stub stamps each request with the clock the pacer waits on, so the spacing is read off the requests
 * SES would see, with no real seconds spent.
 */
class SesPacingTest {
    private final StubbedSes ses = new StubbedSes();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        callers.shutdownNow();
        ses.close();
    }

    private static EmailAddress person(int n) {
        return new EmailAddress("person" + n + "@example.com");
    }

    @Test
    void nSendsReachSesAtLeastNMinusOneSecondsApartInAll() {
        SesEmailVerifier verifier = ses.verifier(StubbedSes.template(), ses.pacer(1, 10));
        verifier.syncTemplate();

        for (int i = 0; i < 5; i++) verifier.sendVerification(person(i));

        List<Instant> at = arrivals(SEND_CUSTOM_VERIFICATION_EMAIL);
        assertThat(at).hasSize(5);
        assertThat(Duration.between(at.get(0), at.get(4))).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertSpacedBy(at, Duration.ofSeconds(1));
    }

    @Test
    void sendsFromManyRequestsAtOnceAreNeverCloserThanTheRate() throws Exception {
        SesEmailVerifier verifier = ses.verifier(StubbedSes.template(), ses.pacer(1, 10));
        verifier.syncTemplate();
        List<Future<?>> sends = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            EmailAddress who = person(i);
            sends.add(callers.submit(() -> verifier.sendVerification(who)));
        }
        for (Future<?> f : sends) f.get(10, TimeUnit.SECONDS);

        assertThat(arrivals(SEND_CUSTOM_VERIFICATION_EMAIL)).hasSize(6);
        assertSpacedBy(allPacedArrivals(), Duration.ofSeconds(1));
    }

    @Test
    void theRateIsASetting() {
        SesEmailVerifier verifier = ses.verifier(StubbedSes.template(), ses.pacer(2, 10));
        verifier.syncTemplate();

        for (int i = 0; i < 5; i++) verifier.sendVerification(person(i));

        List<Instant> at = arrivals(SEND_CUSTOM_VERIFICATION_EMAIL);
        assertSpacedBy(at, Duration.ofMillis(500));
        assertThat(Duration.between(at.get(0), at.get(4))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void templateCallsShareTheSameBudget() {
        SesEmailVerifier verifier = ses.verifier();

        verifier.syncTemplate();
        verifier.sendVerification(person(1));

        assertThat(ses.stub.calls()).extracting(Call::operation)
                .containsExactly(GET_TEMPLATE, CREATE_TEMPLATE, SEND_CUSTOM_VERIFICATION_EMAIL);
        assertSpacedBy(allPacedArrivals(), Duration.ofSeconds(1));
    }

    @Test
    void statusAndForgetAreNotQueued() {
        SesEmailVerifier verifier = ses.verifier();
        Instant before = ses.clock.instant();

        for (int i = 0; i < 5; i++) {
            verifier.status(person(i));
            verifier.forget(person(i));
        }

        assertThat(ses.clock.instant()).isEqualTo(before);
        assertThat(ses.pauses).isEmpty();
    }

    @Test
    void aThrottledSendIsNotRetriedInsideTheSameSecond() {
        SesEmailVerifier verifier = ses.verifier();
        verifier.syncTemplate();
        ses.stub.failNext(SEND_CUSTOM_VERIFICATION_EMAIL, 429, "TooManyRequestsException", "Maximum sending rate exceeded.");

        assertRefused(() -> verifier.sendVerification(person(1)), ErrorCode.TOO_MANY_REQUESTS);

        assertThat(ses.stub.calls(SEND_CUSTOM_VERIFICATION_EMAIL)).hasSize(1);
    }

    @Test
    void whenTheQueueIsFullTheNextSignUpIsToldToRetryInsteadOfWaiting() throws Exception {
        SesEmailVerifier verifier = ses.verifier();
        verifier.syncTemplate();
        SendPacer small = ses.pacer(1, 2);
        SesEmailVerifier busy = ses.verifier(StubbedSes.template(), small);
        CountDownLatch slowSes = ses.stub.hold(SEND_CUSTOM_VERIFICATION_EMAIL);
        Future<?> first = callers.submit(() -> busy.sendVerification(person(1)));
        awaitCalls(1);
        Future<?> second = callers.submit(() -> busy.sendVerification(person(2)));
        awaitWaiting(small, 1);   // the queue keeps arrival order; make the arrival order the test's
        Future<?> third = callers.submit(() -> busy.sendVerification(person(3)));
        awaitWaiting(small, 2);

        var refused = assertRefused(() -> busy.sendVerification(person(4)), ErrorCode.TOO_MANY_REQUESTS);

        assertThat(refused.getMessage()).contains("try again");
        slowSes.countDown();
        for (Future<?> f : List.of(first, second, third)) f.get(10, TimeUnit.SECONDS);
        assertThat(ses.stub.verificationEmailsSent()).containsExactly("person1@example.com", "person2@example.com",
                "person3@example.com");
    }

    @Test
    void shuttingDownSendsWhatIsQueuedThenRefuses() throws Exception {
        SesEmailVerifier setup = ses.verifier();
        setup.syncTemplate();
        SendPacer pacer = ses.pacer(1, 5);
        SesEmailVerifier verifier = ses.verifier(StubbedSes.template(), pacer);
        CountDownLatch slowSes = ses.stub.hold(SEND_CUSTOM_VERIFICATION_EMAIL);
        List<Future<?>> sends = new ArrayList<>();
        sends.add(callers.submit(() -> verifier.sendVerification(person(1))));
        awaitCalls(1);
        for (int i = 2; i <= 4; i++) {
            EmailAddress who = person(i);
            sends.add(callers.submit(() -> verifier.sendVerification(who)));
        }
        awaitWaiting(pacer, 3);

        Future<?> closing = callers.submit(verifier::close);
        slowSes.countDown();
        closing.get(10, TimeUnit.SECONDS);

        for (Future<?> f : sends) f.get(1, TimeUnit.SECONDS);
        assertThat(ses.stub.verificationEmailsSent()).hasSize(4);
        assertRefused(() -> verifier.sendVerification(person(5)), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(ses.stub.verificationEmailsSent()).hasSize(4);
    }

    private List<Instant> arrivals(dev.userpool.ses.testing.SesV2Stub.Operation operation) {
        return ses.stub.calls(operation).stream().map(Call::at).toList();
    }

    private List<Instant> allPacedArrivals() {
        return ses.stub.calls().stream().filter(c -> c.operation() != dev.userpool.ses.testing.SesV2Stub.Operation.GET_EMAIL_IDENTITY)
                .map(Call::at).toList();
    }

    private static void assertSpacedBy(List<Instant> at, Duration gap) {
        for (int i = 1; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i))).as("gap before request %d", i).isGreaterThanOrEqualTo(gap);
        }
    }

    private void awaitCalls(int n) throws InterruptedException {
        for (int i = 0; i < 500 && ses.stub.calls(SEND_CUSTOM_VERIFICATION_EMAIL).size() < n; i++) Thread.sleep(10);
    }

    private static void awaitWaiting(SendPacer pacer, int n) throws InterruptedException {
        for (int i = 0; i < 500 && pacer.waiting() < n; i++) Thread.sleep(10);
        assertThat(pacer.waiting()).isEqualTo(n);
    }
}
