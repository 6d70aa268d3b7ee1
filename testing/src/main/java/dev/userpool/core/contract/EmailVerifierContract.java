package dev.userpool.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.port.out.EmailVerifier;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmailVerifier} does: an address goes from not started, to pending once a link is
 * sent, to verified once the person opens it; forgetting it starts over. Opening the link is the
 * subclass's hook (the embedded callback, or a stub that marks an SES identity verified).
 */
public abstract class EmailVerifierContract {

    protected abstract EmailVerifier emailVerifier();

    /** Does what the person does: opens the last verification link sent to {@code email}. */
    protected abstract void openLastLinkSentTo(EmailAddress email);

    protected EmailAddress newAddress() {
        return new EmailAddress("link-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    @Test
    void anAddressNeverSentALinkIsNotStarted() {
        assertThat(emailVerifier().status(newAddress())).isEqualTo(EmailVerificationStatus.NOT_STARTED);
    }

    @Test
    void anAddressSentALinkIsPending() {
        EmailAddress email = newAddress();

        emailVerifier().sendVerification(email);

        assertThat(emailVerifier().status(email)).isEqualTo(EmailVerificationStatus.PENDING);
    }

    @Test
    void openingTheLinkVerifiesTheAddress() {
        EmailAddress email = newAddress();
        emailVerifier().sendVerification(email);

        openLastLinkSentTo(email);

        assertThat(emailVerifier().status(email)).isEqualTo(EmailVerificationStatus.VERIFIED);
    }

    @Test
    void sendingAgainWhilePendingStaysPending() {
        EmailAddress email = newAddress();
        emailVerifier().sendVerification(email);
        emailVerifier().sendVerification(email);

        assertThat(emailVerifier().status(email)).isEqualTo(EmailVerificationStatus.PENDING);
    }

    @Test
    void verifyingOneAddressLeavesOthersAlone() {
        EmailAddress mine = newAddress();
        EmailAddress theirs = newAddress();
        emailVerifier().sendVerification(mine);
        emailVerifier().sendVerification(theirs);

        openLastLinkSentTo(mine);

        assertThat(emailVerifier().status(theirs)).isEqualTo(EmailVerificationStatus.PENDING);
    }

    @Test
    void aForgottenAddressStartsOver() {
        EmailAddress email = newAddress();
        emailVerifier().sendVerification(email);
        openLastLinkSentTo(email);

        emailVerifier().forget(email);

        assertThat(emailVerifier().status(email)).isEqualTo(EmailVerificationStatus.NOT_STARTED);
    }

    @Test
    void forgettingAnUnknownAddressIsHarmless() {
        EmailAddress email = newAddress();

        emailVerifier().forget(email);

        assertThat(emailVerifier().status(email)).isEqualTo(EmailVerificationStatus.NOT_STARTED);
    }
}
