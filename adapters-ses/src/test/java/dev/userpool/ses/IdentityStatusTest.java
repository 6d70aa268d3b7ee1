package dev.userpool.ses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailVerificationStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;

/** VerificationStatus decides; VerifiedForSendingStatus only when the status is one this SDK does not know. */
class IdentityStatusTest {

    @Test
    void anAddressOnAVerifiedDomainIsNotVerifiedUntilThePersonClicks() {
        var inherited = GetEmailIdentityResponse.builder().verificationStatus("PENDING").verifiedForSendingStatus(true).build();

        assertThat(IdentityStatus.of(inherited)).isEqualTo(EmailVerificationStatus.PENDING);
    }

    @Test
    void aStatusThisSdkDoesNotKnowFallsBackToVerifiedForSending() {
        var future = GetEmailIdentityResponse.builder().verificationStatus("SOMETHING_NEW").verifiedForSendingStatus(true).build();
        var unknown = GetEmailIdentityResponse.builder().verifiedForSendingStatus(false).build();

        assertThat(IdentityStatus.of(future)).isEqualTo(EmailVerificationStatus.VERIFIED);
        assertThat(IdentityStatus.of(unknown)).isEqualTo(EmailVerificationStatus.PENDING);
    }
}
