package dev.userpool.ses;

import dev.userpool.core.domain.EmailVerificationStatus;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;

/** What SES's GetEmailIdentity says of an address, in the core's words. */
final class IdentityStatus {
    private IdentityStatus() {}

    /**
     * {@code VerificationStatus} decides: it turns {@code SUCCESS} only when the person opened the link.
     * {@code VerifiedForSendingStatus} alone is not proof, since an address on a verified domain inherits
     * it; it is read only when SES sends a status this SDK does not know.
     */
    static EmailVerificationStatus of(GetEmailIdentityResponse identity) {
        if (identity.verificationStatus() != null) {
            switch (identity.verificationStatus()) {
                case SUCCESS:
                    return EmailVerificationStatus.VERIFIED;
                case PENDING:
                case TEMPORARY_FAILURE:   // SES keeps trying: not yet a failure the person must act on
                    return EmailVerificationStatus.PENDING;
                case FAILED:
                    return EmailVerificationStatus.FAILED;
                case NOT_STARTED:
                    return EmailVerificationStatus.NOT_STARTED;
                default:
                    break;
            }
        }
        return Boolean.TRUE.equals(identity.verifiedForSendingStatus())
                ? EmailVerificationStatus.VERIFIED : EmailVerificationStatus.PENDING;
    }
}
