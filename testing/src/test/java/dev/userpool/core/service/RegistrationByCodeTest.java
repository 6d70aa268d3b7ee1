package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static dev.userpool.core.service.CoreWithFakes.email;
import static dev.userpool.core.service.CoreWithFakes.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.port.in.Registration.SignUpResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Flows 1 and 2 of the design: register, then verify with the emailed code. */
class RegistrationByCodeTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void signUpCreatesAnUnconfirmedAccountAndEmailsACode() {
        AtomicReference<SignUpResult> result = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                result.set(core.registration.signUp(new SignUpCommand(" Alice@Example.com ", PASSWORD, CONTEXT))));

        User user = result.get().user();
        assertThat(user.email()).isEqualTo(email("alice@example.com"));
        assertThat(user.status()).isEqualTo(UserStatus.UNCONFIRMED);
        assertThat(user.emailVerified()).isFalse();
        assertThat(result.get().codeDelivery()).isEqualTo(new CodeDelivery("a***@e***.com", "EMAIL", "email"));
        assertThat(core.directory.lastCodeSentTo(user.email())).hasValueSatisfying(c -> assertThat(c).matches("\\d{6}"));
        assertThat(core.emailVerifier.calls()).isEmpty();

        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_UP);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.errorCode()).isEmpty();
        assertThat(event.userId()).contains(user.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.actor()).isEqualTo(Actor.user());
        assertThat(event.method()).isEmpty();
    }

    @Test
    void theEmailedCodeConfirmsTheAccountAndVerifiesTheAddress() {
        User signedUp = core.signUp("alice@example.com");
        core.clock.advance(Duration.ofMinutes(5));
        String code = core.codeSentTo("alice@example.com");

        AtomicReference<User> confirmed = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                confirmed.set(core.registration.confirm(new ConfirmCommand("ALICE@example.com", code, CONTEXT))));

        assertThat(confirmed.get().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.get().emailVerified()).isTrue();
        assertThat(core.directory.find(email("alice@example.com"))).contains(confirmed.get());

        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_UP_CONFIRMED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(signedUp.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.actor()).isEqualTo(Actor.user());
        assertThat(event.method()).contains(ConfirmationMethod.CODE);
    }

    @Test
    void aWrongCodeIsCodeMismatchAndChangesNothing() {
        User signedUp = core.signUp("alice@example.com");
        String code = core.codeSentTo("alice@example.com");

        var failure = core.failureOf(() ->
                core.registration.confirm(new ConfirmCommand("alice@example.com", wrongCode(code), CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.SIGN_UP_CONFIRMED);
        assertThat(failure.event().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failure.event().errorCode()).contains(ErrorCode.CODE_MISMATCH);
        assertThat(failure.event().userId()).contains(signedUp.id());
        assertThat(failure.event().method()).contains(ConfirmationMethod.CODE);
        assertThat(core.directory.find(email("alice@example.com")).orElseThrow().status())
                .isEqualTo(UserStatus.UNCONFIRMED);

        core.registration.confirm(new ConfirmCommand("alice@example.com", code, CONTEXT));   // the right one still works
    }

    @Test
    void aCodeOlderThan24HoursIsExpired() {
        core.signUp("alice@example.com");
        String code = core.codeSentTo("alice@example.com");
        core.clock.advance(Duration.ofHours(24));

        var failure = core.failureOf(() ->
                core.registration.confirm(new ConfirmCommand("alice@example.com", code, CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.EXPIRED_CODE);
        assertThat(failure.event().errorCode()).contains(ErrorCode.EXPIRED_CODE);
    }

    @Test
    void confirmingAnAlreadyConfirmedAccountLooksLikeAWrongCodeWhileTheEventSaysWhy() {
        core.signUpAndConfirm("alice@example.com");
        String usedCode = core.codeSentTo("alice@example.com");

        var failure = core.failureOf(() ->
                core.registration.confirm(new ConfirmCommand("alice@example.com", usedCode, CONTEXT)));
        var ghost = core.failureOf(() ->
                core.registration.confirm(new ConfirmCommand("ghost@example.com", usedCode, CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        assertThat(failure.error().getMessage()).isEqualTo(ghost.error().getMessage());
        assertThat(failure.event().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void withoutProtectionConfirmingAnAlreadyConfirmedAccountIsNotAuthorized() {
        CoreWithFakes open = CoreWithFakes.withoutEnumerationProtection();
        open.signUpAndConfirm("alice@example.com");
        String usedCode = open.codeSentTo("alice@example.com");

        var failure = open.failureOf(() ->
                open.registration.confirm(new ConfirmCommand("alice@example.com", usedCode, CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void theSixteenthConfirmationWithinTheHourIsRefusedForAnUnknownAddressToo() {
        for (int i = 0; i < 15; i++) {
            assertThat(core.failureOf(() -> core.registration.confirm(new ConfirmCommand("ghost@example.com", "123456", CONTEXT)))
                    .error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        }
        var sixteenth = core.failureOf(() -> core.registration.confirm(new ConfirmCommand("ghost@example.com", "123456", CONTEXT)));
        assertThat(sixteenth.error().code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void signingUpAnExistingAddressIsUsernameExists() {
        User first = core.signUp("alice@example.com");

        var failure = core.failureOf(() ->
                core.registration.signUp(new SignUpCommand("ALICE@EXAMPLE.COM", "Other-Pass-7", CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.USERNAME_EXISTS);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.SIGN_UP);
        assertThat(failure.event().errorCode()).contains(ErrorCode.USERNAME_EXISTS);
        assertThat(failure.event().email()).isEqualTo("alice@example.com");
        assertThat(core.directory.find(email("alice@example.com"))).contains(first);
    }

    @Test
    void aResentCodeReplacesTheOldOne() {
        User signedUp = core.signUp("alice@example.com");
        String first = core.codeSentTo("alice@example.com");
        core.clock.advance(Duration.ofMinutes(1));

        AtomicReference<CodeDelivery> delivery = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                delivery.set(core.registration.resendCode(new EmailCommand("alice@example.com", CONTEXT))));
        String second = core.codeSentTo("alice@example.com");

        assertThat(delivery.get()).isEqualTo(CodeDelivery.email(email("alice@example.com")));
        assertThat(event.type()).isEqualTo(AuditEventType.CONFIRMATION_CODE_SENT);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(signedUp.id());
        assertThat(event.method()).contains(ConfirmationMethod.CODE);

        if (!first.equals(second)) {
            assertThat(core.failureOf(() -> core.registration.confirm(
                    new ConfirmCommand("alice@example.com", first, CONTEXT))).error().code())
                    .isEqualTo(ErrorCode.CODE_MISMATCH);
        }
        assertThat(core.registration.confirm(new ConfirmCommand("alice@example.com", second, CONTEXT)).status())
                .isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void aResentCodeGetsAFresh24Hours() {
        core.signUp("alice@example.com");
        core.clock.advance(Duration.ofHours(23));
        core.registration.resendCode(new EmailCommand("alice@example.com", CONTEXT));
        core.clock.advance(Duration.ofHours(23));

        assertThat(core.registration.confirm(new ConfirmCommand("alice@example.com",
                core.codeSentTo("alice@example.com"), CONTEXT)).status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void resendingToAConfirmedAccountLooksSentWithOneFailureEvent() {
        core.signUpAndConfirm("alice@example.com");
        int codesBefore = core.mailer.delivered().size();

        var delivery = new java.util.concurrent.atomic.AtomicReference<CodeDelivery>();
        var event = core.onlyEventOf(() -> delivery.set(core.registration.resendCode(new EmailCommand("alice@example.com", CONTEXT))));

        assertThat(delivery.get()).isEqualTo(new CodeDelivery("a***@e***.com", "EMAIL", "email"));

        assertThat(core.mailer.delivered()).hasSize(codesBefore);
        assertThat(event.type()).isEqualTo(AuditEventType.CONFIRMATION_CODE_SENT);
        assertThat(event.errorCode()).contains(ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void withoutProtectionResendingToAConfirmedAccountIsRefused() {
        CoreWithFakes open = CoreWithFakes.withoutEnumerationProtection();
        open.signUpAndConfirm("alice@example.com");

        var failure = open.failureOf(() -> open.registration.resendCode(new EmailCommand("alice@example.com", CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(failure.event().errorCode()).contains(ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void theSixthResendWithinTheHourIsRefusedAlikeForKnownConfirmedAndUnknownAddresses() {
        core.signUp("alice@example.com");
        core.signUpAndConfirm("bob@example.com");
        for (String address : java.util.List.of("alice@example.com", "bob@example.com", "ghost@example.com")) {
            for (int i = 0; i < 5; i++) core.registration.resendCode(new EmailCommand(address, CONTEXT));
            var sixth = core.failureOf(() -> core.registration.resendCode(new EmailCommand(address, CONTEXT)));
            assertThat(sixth.error().code()).as(address).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        }
    }

    @Test
    void signUpByCodeNeverAsksTheLinkVerifier() {
        core.signUpAndConfirm("alice@example.com");
        assertThat(core.emailVerifier.calls()).isEmpty();
    }
}
