package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.Registration.LinkCompletion;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.port.in.Registration.SignUpResult;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The link method of verification: the email verifier sends a link, completion confirms the account. */
class RegistrationByLinkTest {
    private static final EmailAddress ALICE = email("alice@example.com");
    private final CoreWithFakes core = CoreWithFakes.byLink();

    private LinkCompletion complete(String email) {
        return core.registration.completeLinkVerification(new EmailCommand(email, CONTEXT));
    }

    @Test
    void signUpSendsAVerificationLinkInsteadOfACode() {
        AtomicReference<SignUpResult> result = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                result.set(core.registration.signUp(new SignUpCommand("alice@example.com", PASSWORD, CONTEXT))));

        assertThat(core.emailVerifier.sent()).containsExactly(ALICE);
        assertThat(core.directory.lastCodeSentTo(ALICE)).isEmpty();
        assertThat(result.get().codeDelivery()).isEqualTo(CodeDelivery.email(ALICE));
        assertThat(result.get().user().status()).isEqualTo(UserStatus.UNCONFIRMED);
        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_UP);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(result.get().user().id());
    }

    @Test
    void whenTheLinkCannotBeSentTheAccountIsNotLeftBehind() {
        core.emailVerifier.failWith(ErrorCode.TOO_MANY_REQUESTS);
        Throwable refused = catchThrowable(() ->
                core.registration.signUp(new SignUpCommand("alice@example.com", PASSWORD, CONTEXT)));
        assertThat(refused).isInstanceOf(UserPoolException.class);
        assertThat(((UserPoolException) refused).code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
        assertThat(core.directory.find(ALICE)).isEmpty();
        assertThat(core.auditLog.all()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.SIGN_UP);
            assertThat(e.errorCode()).contains(ErrorCode.TOO_MANY_REQUESTS);
        });

        core.emailVerifier.recover();
        assertThat(core.registration.signUp(new SignUpCommand("alice@example.com", PASSWORD, CONTEXT)).user().email())
                .isEqualTo(ALICE);
    }

    @Test
    void aConfirmedAccountStaysConfirmedWhenForgettingTheAddressFails() {
        core.signUp("alice@example.com");
        core.emailVerifier.clickLink(ALICE);
        core.emailVerifier.failWith(ErrorCode.SERVICE_UNAVAILABLE);

        LinkCompletion done = complete("alice@example.com");

        assertThat(done.user().orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(core.directory.find(ALICE).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void completionBeforeTheClickDoesNothing() {
        core.signUp("alice@example.com");
        int events = core.auditLog.size();

        LinkCompletion pending = complete("alice@example.com");

        assertThat(pending.verification()).isEqualTo(EmailVerificationStatus.PENDING);
        assertThat(pending.user()).hasValueSatisfying(u -> assertThat(u.status()).isEqualTo(UserStatus.UNCONFIRMED));
        assertThat(core.directory.find(ALICE).orElseThrow().status()).isEqualTo(UserStatus.UNCONFIRMED);
        assertThat(core.emailVerifier.forgotten()).isEmpty();
        assertThat(core.auditLog.size()).isEqualTo(events);
    }

    @Test
    void completionAfterTheClickConfirmsWithAVerifiedAddress() {
        User signedUp = core.signUp("alice@example.com");
        core.emailVerifier.clickLink(ALICE);

        AtomicReference<LinkCompletion> done = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() -> done.set(complete("Alice@Example.com")));

        assertThat(done.get().verification()).isEqualTo(EmailVerificationStatus.VERIFIED);
        User confirmed = done.get().user().orElseThrow();
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.emailVerified()).isTrue();
        assertThat(core.directory.find(ALICE)).contains(confirmed);
        assertThat(core.emailVerifier.forgotten()).containsExactly(ALICE);

        assertThat(event.type()).isEqualTo(AuditEventType.EMAIL_VERIFIED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(signedUp.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.actor()).isEqualTo(Actor.user());
        assertThat(event.method()).contains(ConfirmationMethod.LINK);
    }

    @Test
    void aSecondCompletionIsHarmless() {
        core.signUp("alice@example.com");
        core.emailVerifier.clickLink(ALICE);
        User confirmed = complete("alice@example.com").user().orElseThrow();
        int events = core.auditLog.size();

        LinkCompletion again = complete("alice@example.com");

        assertThat(again.user()).contains(confirmed);
        assertThat(again.verification()).isEqualTo(EmailVerificationStatus.VERIFIED);
        assertThat(core.directory.find(ALICE)).contains(confirmed);
        assertThat(core.auditLog.size()).isEqualTo(events);
        assertThat(core.emailVerifier.forgotten()).containsExactly(ALICE);
    }

    @Test
    void theLinkVerifiesTheAddressOfAnAccountAnAdminConfirmed() {
        core.signUp("alice@example.com");
        core.administration.confirm(core.adminCommand(core.admin(), "alice@example.com"));
        core.emailVerifier.clickLink(ALICE);

        AuditEvent event = core.onlyEventOf(() -> complete("alice@example.com"));

        User user = core.directory.find(ALICE).orElseThrow();
        assertThat(user.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(user.emailVerified()).isTrue();
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void theLinkCanBeSentAgain() {
        User signedUp = core.signUp("alice@example.com");

        AtomicReference<CodeDelivery> delivery = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                delivery.set(core.registration.sendVerificationLink(new EmailCommand("alice@example.com", CONTEXT))));

        assertThat(delivery.get()).isEqualTo(CodeDelivery.email(ALICE));
        assertThat(core.emailVerifier.sent()).containsExactly(ALICE, ALICE);
        assertThat(event.type()).isEqualTo(AuditEventType.VERIFICATION_LINK_SENT);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(signedUp.id());
        assertThat(event.method()).contains(ConfirmationMethod.LINK);
    }

    @Test
    void noLinkForAnAddressAlreadyVerifiedThoughItLooksSentLikeForAnyOtherAddress() {
        core.signUp("alice@example.com");
        core.emailVerifier.clickLink(ALICE);
        complete("alice@example.com");

        AtomicReference<CodeDelivery> delivery = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                delivery.set(core.registration.sendVerificationLink(new EmailCommand("alice@example.com", CONTEXT))));

        assertThat(delivery.get()).isEqualTo(new CodeDelivery("a***@e***.com", "EMAIL", "email"));
        assertThat(event.errorCode()).contains(ErrorCode.INVALID_PARAMETER);
        assertThat(core.emailVerifier.sent()).containsExactly(ALICE);
    }

    @Test
    void withoutProtectionAnAddressAlreadyVerifiedIsRefused() {
        CoreWithFakes open = CoreWithFakes.byLinkWithoutEnumerationProtection();
        open.signUp("alice@example.com");
        open.emailVerifier.clickLink(ALICE);
        open.registration.completeLinkVerification(new EmailCommand("alice@example.com", CONTEXT));

        var failure = open.failureOf(() ->
                open.registration.sendVerificationLink(new EmailCommand("alice@example.com", CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(failure.event().errorCode()).contains(ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void aSixthLinkWithinTheHourIsRefusedAliceOrGhost() {
        core.signUp("alice@example.com");
        for (String address : java.util.List.of("alice@example.com", "ghost@example.com")) {
            for (int i = 0; i < 5; i++) core.registration.sendVerificationLink(new EmailCommand(address, CONTEXT));
            var sixth = core.failureOf(() -> core.registration.sendVerificationLink(new EmailCommand(address, CONTEXT)));
            assertThat(sixth.error().code()).as(address).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
            assertThat(sixth.error().getMessage()).isEqualTo("Attempt limit exceeded, please try after some time.");
        }
        core.clock.advance(java.time.Duration.ofHours(1));
        core.registration.sendVerificationLink(new EmailCommand("alice@example.com", CONTEXT));
    }

    @Test
    void aPoolThatVerifiesByCodeSendsNoLinks() {
        CoreWithFakes byCode = CoreWithFakes.byCode();
        byCode.signUp("alice@example.com");

        var failure = byCode.failureOf(() ->
                byCode.registration.sendVerificationLink(new EmailCommand("alice@example.com", CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(failure.error().getMessage()).contains("by code");
        assertThat(byCode.emailVerifier.sent()).isEmpty();
    }

    @Test
    void aLinkForAnUnknownAddressLooksSentWhileTheEventSaysWhy() {
        AtomicReference<CodeDelivery> delivery = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                delivery.set(core.registration.sendVerificationLink(new EmailCommand("ghost@example.com", CONTEXT))));

        assertThat(delivery.get()).isEqualTo(new CodeDelivery("g***@e***.com", "EMAIL", "email"));
        assertThat(core.emailVerifier.sent()).isEmpty();
        assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.errorCode()).contains(ErrorCode.USER_NOT_FOUND);
        assertThat(event.userId()).isEmpty();
    }

    @Test
    void completingForAnUnknownAddressRevealsNothing() {
        AtomicReference<LinkCompletion> completion = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() -> completion.set(complete("ghost@example.com")));

        assertThat(completion.get())
                .isEqualTo(new LinkCompletion(EmailVerificationStatus.NOT_STARTED, Optional.empty()));
        assertThat(event.type()).isEqualTo(AuditEventType.EMAIL_VERIFIED);
        assertThat(event.errorCode()).contains(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void withoutProtectionUnknownAddressesAreUserNotFound() {
        CoreWithFakes open = CoreWithFakes.byLinkWithoutEnumerationProtection();
        var send = open.failureOf(() ->
                open.registration.sendVerificationLink(new EmailCommand("ghost@example.com", CONTEXT)));
        var completion = open.failureOf(() ->
                open.registration.completeLinkVerification(new EmailCommand("ghost@example.com", CONTEXT)));

        assertThat(send.error().code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(send.event().errorCode()).contains(ErrorCode.USER_NOT_FOUND);
        assertThat(completion.error().code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(completion.event().errorCode()).contains(ErrorCode.USER_NOT_FOUND);
    }
}
