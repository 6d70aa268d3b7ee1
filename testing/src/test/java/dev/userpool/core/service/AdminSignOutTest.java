package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.testing.FakeTokenVerifier;
import dev.userpool.core.testing.InMemoryAuditLog;
import dev.userpool.core.testing.InMemoryUserDirectory;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.RecordingMailer;
import org.junit.jupiter.api.Test;

/** An operator (or the system, e.g. Cognito's IAM-signed AdminUserGlobalSignOut) ends every session of an account. */
class AdminSignOutTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void everySessionEndsAndTheEventNamesWhoDidIt() {
        User alice = core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");

        AuditEvent event = core.onlyEventOf(() ->
                core.administration.signOut(new AdminCommand(Actor.system(), "Alice@example.com", CONTEXT)));

        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_OUT);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.actor()).isEqualTo(Actor.system());
        assertThatThrownBy(() -> core.authentication.refresh(new TokenCommand(tokens.refreshToken().orElseThrow(), CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
        assertThatThrownBy(() -> core.authentication.currentUser(tokens.accessToken())).isInstanceOf(UserPoolException.class);
    }

    @Test
    void anUnknownAccountIsUserNotFoundAndRecorded() {
        var failure = core.failureOf(() -> core.administration.signOut(new AdminCommand(Actor.system(), "nobody@example.com", CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.SIGN_OUT);
    }

    @Test
    void withoutAnAuthenticatorItIsRefused() {
        MutableClock clock = MutableClock.at(CoreWithFakes.START);
        InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
        AdministrationService administration = new AdministrationService(directory, new FakeTokenVerifier(clock),
                new RecordingMailer(), new InMemoryAuditLog(), AdminPolicy.none(), clock);
        directory.signUp(CoreWithFakes.email("alice@example.com"), dev.userpool.core.domain.Password.of(CoreWithFakes.PASSWORD), false);

        assertThatThrownBy(() -> administration.signOut(new AdminCommand(Actor.system(), "alice@example.com", CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void anOperatorVerifiesAnAddressWithoutChangingTheStatus() {
        User bob = core.signUp("bob@example.com");

        AuditEvent event = core.onlyEventOf(() ->
                core.administration.verifyEmail(new AdminCommand(Actor.system(), "bob@example.com", CONTEXT)));

        User after = core.administration.findUserById(bob.id().value());
        assertThat(after.emailVerified()).isTrue();
        assertThat(after.status()).isEqualTo(dev.userpool.core.domain.UserStatus.UNCONFIRMED);
        assertThat(event.type()).isEqualTo(AuditEventType.EMAIL_VERIFIED);
        assertThat(event.actor()).isEqualTo(Actor.system());
        assertThat(event.userId()).contains(bob.id());
    }

    @Test
    void findingByIdIsUserNotFoundForAnUnknownId() {
        assertThatThrownBy(() -> core.administration.findUserById("no-such-id"))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
    }

    @Test
    void revokingOneRefreshTokenEndsThatSessionOnly() {
        User alice = core.signUpAndConfirm("alice@example.com");
        Tokens kept = core.signIn("alice@example.com");
        Tokens revoked = core.signIn("alice@example.com");

        AuditEvent event = core.onlyEventOf(() ->
                core.authentication.revokeToken(new TokenCommand(revoked.refreshToken().orElseThrow(), CONTEXT)));

        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_OUT);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThatThrownBy(() -> core.authentication.refresh(new TokenCommand(revoked.refreshToken().orElseThrow(), CONTEXT)))
                .isInstanceOf(UserPoolException.class);
        assertThat(core.authentication.refresh(new TokenCommand(kept.refreshToken().orElseThrow(), CONTEXT)).idToken()).isNotBlank();
        var failure = core.failureOf(() -> core.authentication.revokeToken(new TokenCommand("not-a-token", CONTEXT)));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }
}
