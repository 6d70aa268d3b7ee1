package dev.userpool.ses;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.ses.testing.SesV2Stub.Operation.CREATE_TEMPLATE;
import static dev.userpool.ses.testing.SesV2Stub.Operation.DELETE_EMAIL_IDENTITY;
import static dev.userpool.ses.testing.SesV2Stub.Operation.GET_EMAIL_IDENTITY;
import static dev.userpool.ses.testing.SesV2Stub.Operation.SEND_CUSTOM_VERIFICATION_EMAIL;
import static dev.userpool.ses.testing.SesV2Stub.Operation.SEND_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.ses.testing.SesClients;
import dev.userpool.ses.testing.SesV2Stub.Call;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Each SES error, as SES sends it (HTTP status and {@code x-amzn-ErrorType}), reaches the core as the
 * right error code with a message a person can act on; no SDK exception gets out.
 */
class SesErrorMappingTest {
    private final StubbedSes ses = new StubbedSes();
    private final EmailAddress alice = new EmailAddress("alice@example.com");

    @AfterEach
    void close() throws Exception {
        ses.close();
    }

    private SesEmailVerifier readyVerifier() {
        SesEmailVerifier verifier = ses.verifier();
        verifier.syncTemplate();
        return verifier;
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "MessageRejected                    | 400 | INVALID_PARAMETER   | SES refused to send this email (MessageRejected)",
            "ProductionAccessNotGranted         | 400 | SERVICE_UNAVAILABLE | still in the sandbox",
            "MailFromDomainNotVerifiedException | 400 | SERVICE_UNAVAILABLE | MAIL FROM domain is not verified",
            "SendingPausedException             | 400 | SERVICE_UNAVAILABLE | sending is paused",
            "AccountSuspendedException          | 400 | SERVICE_UNAVAILABLE | suspended",
            "LimitExceededException             | 400 | LIMIT_EXCEEDED      | 10,000 identities",
            "TooManyRequestsException           | 429 | TOO_MANY_REQUESTS   | try again",
            "BadRequestException                | 400 | INVALID_PARAMETER   | refused the request as invalid (BadRequest)",
            "InternalServiceErrorException      | 500 | SERVICE_UNAVAILABLE | could not complete",
            "AccessDeniedException              | 403 | SERVICE_UNAVAILABLE | credentials"})
    void sendVerificationMapsEachSesError(String errorType, int status, ErrorCode expected, String says) {
        SesEmailVerifier verifier = readyVerifier();
        ses.stub.failNext(SEND_CUSTOM_VERIFICATION_EMAIL, status, errorType, "SES says no");

        var refused = assertRefused(() -> verifier.sendVerification(alice), expected);

        assertThat(refused.getMessage()).containsIgnoringCase(says);
        assertThat(ses.stub.calls(SEND_CUSTOM_VERIFICATION_EMAIL)).hasSize(1);
    }

    @Test
    void aMissingTemplateIsCreatedOnceAndTheSendRepeated() {
        SesEmailVerifier verifier = readyVerifier();
        ses.stub.removeTemplate(StubbedSes.TEMPLATE_NAME);
        ses.stub.clearCalls();

        verifier.sendVerification(alice);

        assertThat(ses.stub.calls()).extracting(Call::operation)
                .containsExactly(SEND_CUSTOM_VERIFICATION_EMAIL, CREATE_TEMPLATE, SEND_CUSTOM_VERIFICATION_EMAIL);
        assertThat(ses.stub.verificationEmailsSent()).containsExactly("alice@example.com");
        assertThat(ses.stub.template(StubbedSes.TEMPLATE_NAME)).isPresent();
    }

    @Test
    void aTemplateStillMissingAfterTheRecreateFailsWithoutLooping() {
        SesEmailVerifier verifier = readyVerifier();
        ses.stub.clearCalls();
        ses.stub.failNext(SEND_CUSTOM_VERIFICATION_EMAIL, 404, "NotFoundException", "Template does not exist.");
        ses.stub.failNext(SEND_CUSTOM_VERIFICATION_EMAIL, 404, "NotFoundException", "Template does not exist.");

        var refused = assertRefused(() -> verifier.sendVerification(alice), ErrorCode.SERVICE_UNAVAILABLE);

        assertThat(refused.getMessage()).contains("still has no verification template 'userpool-verification'");
        assertThat(ses.stub.calls()).extracting(Call::operation)
                .containsExactly(SEND_CUSTOM_VERIFICATION_EMAIL, CREATE_TEMPLATE, SEND_CUSTOM_VERIFICATION_EMAIL);
    }

    @Test
    void anUnknownIdentityIsNotStartedAndForgettingItIsHarmless() {
        SesEmailVerifier verifier = ses.verifier();

        assertThat(verifier.status(alice)).isEqualTo(EmailVerificationStatus.NOT_STARTED);
        verifier.forget(alice);

        assertThat(ses.stub.calls(GET_EMAIL_IDENTITY)).hasSize(1);
        assertThat(ses.stub.calls(DELETE_EMAIL_IDENTITY)).hasSize(1);
    }

    @Test
    void statusAndForgetMapTheirErrorsToo() {
        SesEmailVerifier verifier = ses.verifier();
        ses.stub.failNext(GET_EMAIL_IDENTITY, 400, "BadRequestException", "Invalid identity.");
        ses.stub.failNext(DELETE_EMAIL_IDENTITY, 400, "BadRequestException", "Invalid identity.");

        assertRefused(() -> verifier.status(alice), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> verifier.forget(alice), ErrorCode.INVALID_PARAMETER);
    }

    @ParameterizedTest(name = "HTTP {0} with no error type -> {1}")
    @CsvSource({"400, INVALID_PARAMETER", "429, TOO_MANY_REQUESTS", "503, SERVICE_UNAVAILABLE", "403, SERVICE_UNAVAILABLE"})
    void aServerThatNamesNoErrorIsMappedByItsStatus(int status, ErrorCode expected) {
        SesEmailVerifier verifier = readyVerifier();
        ses.stub.failNextWithoutErrorType(SEND_CUSTOM_VERIFICATION_EMAIL, status, "Bad Request Exception");

        assertRefused(() -> verifier.sendVerification(alice), expected);
    }

    @Test
    void aNotFoundWithNoErrorTypeStillMeansNoIdentity() {
        ses.stub.failNextWithoutErrorType(GET_EMAIL_IDENTITY, 404, "not here");

        assertThat(ses.verifier().status(alice)).isEqualTo(EmailVerificationStatus.NOT_STARTED);
    }

    @ParameterizedTest(name = "SendEmail {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "MessageRejected                    | 400 | INVALID_PARAMETER   | MessageRejected",
            "MailFromDomainNotVerifiedException | 400 | SERVICE_UNAVAILABLE | MAIL FROM",
            "SendingPausedException             | 400 | SERVICE_UNAVAILABLE | paused",
            "LimitExceededException             | 400 | LIMIT_EXCEEDED      | daily sending quota",
            "BadRequestException                | 400 | INVALID_PARAMETER   | password changed email"})
    void theMailerMapsSendEmailErrors(String errorType, int status, ErrorCode expected, String says) {
        ses.stub.failNext(SEND_EMAIL, status, errorType, "SES says no");

        var refused = assertRefused(() -> ses.mailer().deliver(notice()), expected);

        assertThat(refused.getMessage()).contains(says);
    }

    @Test
    void theMailerRidesOutABriefThrottleAndSaysSoWhenItLasts() {
        ses.stub.failNext(SEND_EMAIL, 429, "TooManyRequestsException", "Maximum sending rate exceeded.");
        ses.mailer().deliver(notice());
        assertThat(ses.stub.emailsTo("alice@example.com")).hasSize(1);

        for (int i = 0; i < 10; i++) ses.stub.failNext(SEND_EMAIL, 429, "TooManyRequestsException", "Maximum sending rate exceeded.");
        assertRefused(() -> ses.mailer().deliver(notice()), ErrorCode.TOO_MANY_REQUESTS);
    }

    @Test
    void anUnreachableSesIsServiceUnavailable() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + dev.userpool.core.testing.LocalServer.freePort());
        try (SdkHttpClient http = SesClients.http(); SesV2Client client = SesClients.at(nobody, http)) {
            SesEmailVerifier verifier = new SesEmailVerifier(client, StubbedSes.template(), ses.pacer(1, 5));
            SesMailer mailer = new SesMailer(client, StubbedSes.FROM);

            assertRefused(() -> verifier.sendVerification(alice), ErrorCode.SERVICE_UNAVAILABLE);
            assertRefused(() -> verifier.status(alice), ErrorCode.SERVICE_UNAVAILABLE);
            assertRefused(() -> verifier.forget(alice), ErrorCode.SERVICE_UNAVAILABLE);
            assertRefused(() -> mailer.deliver(notice()), ErrorCode.SERVICE_UNAVAILABLE);
            verifier.close();
        }
    }

    @Test
    void aCodeInTheMessageNeverReachesTheError() {
        ses.stub.failNext(SEND_EMAIL, 400, "MessageRejected", "Rejected");

        var refused = assertRefused(() -> ses.mailer().deliver(new EmailMessage(alice, EmailMessage.Kind.CONFIRMATION_CODE,
                "Your code", "Your code is 493817.", "<p>493817</p>", Optional.of("493817"))), ErrorCode.INVALID_PARAMETER);

        assertThat(refused.getMessage()).doesNotContain("493817");
        assertThat(refused.toString()).doesNotContain("493817");
    }

    private EmailMessage notice() {
        return new EmailMessage(alice, EmailMessage.Kind.PASSWORD_CHANGED, "Your password was changed", "changed", "<p>changed</p>");
    }
}
