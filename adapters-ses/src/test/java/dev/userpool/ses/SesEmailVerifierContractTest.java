package dev.userpool.ses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.contract.EmailVerifierContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.ses.testing.SesV2Stub.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The email-verifier contract on {@link SesEmailVerifier} against the SES v2 stub: opening the link is
 * SES marking the identity verified. Plus how SES's identity statuses read in the core's words.
 */
class SesEmailVerifierContractTest extends EmailVerifierContract {
    private StubbedSes ses;
    private SesEmailVerifier verifier;

    @BeforeEach
    void open() {
        ses = new StubbedSes();
        verifier = ses.verifier();
        verifier.syncTemplate();
    }

    @AfterEach
    void close() throws Exception {
        ses.close();
    }

    @Override
    protected EmailVerifier emailVerifier() {
        return verifier;
    }

    @Override
    protected void openLastLinkSentTo(EmailAddress email) {
        assertThat(ses.stub.verificationEmailsSent()).contains(email.value());
        ses.stub.markVerified(email.value());
    }

    @ParameterizedTest(name = "VerificationStatus {0} -> {1}")
    @CsvSource({"PENDING, PENDING", "SUCCESS, VERIFIED", "FAILED, FAILED", "TEMPORARY_FAILURE, PENDING",
            "NOT_STARTED, NOT_STARTED"})
    void sesIdentityStatusesReadInTheCoresWords(String ses, EmailVerificationStatus expected) {
        EmailAddress email = newAddress();
        this.ses.stub.setIdentityStatus(email.value(), ses);

        assertThat(verifier.status(email)).isEqualTo(expected);
    }

    @Test
    void anExpiredLinkShowsAsFailedUntilANewOneIsSent() {
        EmailAddress email = newAddress();
        verifier.sendVerification(email);
        ses.stub.setIdentityStatus(email.value(), "FAILED");
        assertThat(verifier.status(email)).isEqualTo(EmailVerificationStatus.FAILED);

        verifier.sendVerification(email);

        assertThat(verifier.status(email)).isEqualTo(EmailVerificationStatus.PENDING);
    }

    @Test
    void theFromAddressIsNeverDeletedEvenIfSomeoneSignsUpWithIt() {
        ses.stub.markVerified(StubbedSes.FROM.value());

        verifier.forget(StubbedSes.FROM);

        assertThat(ses.stub.calls(Operation.DELETE_EMAIL_IDENTITY)).isEmpty();
        assertThat(ses.stub.identityStatus(StubbedSes.FROM.value())).hasValue("SUCCESS");
    }
}
