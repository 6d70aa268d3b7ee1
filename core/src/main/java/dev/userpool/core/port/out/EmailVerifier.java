package dev.userpool.core.port.out;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;

/** Proves that a person controls an address by a link they click. */
public interface EmailVerifier {

    /** Sends the verification link. */
    void sendVerification(EmailAddress email);

    /** What is known of the address now. */
    EmailVerificationStatus status(EmailAddress email);

    /** Drops what is kept about a verified address once the account no longer needs it. */
    void forget(EmailAddress email);
}
