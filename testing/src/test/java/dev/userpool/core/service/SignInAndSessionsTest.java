package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Authentication.CurrentUser;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Flows 4 and 5 and the sessions around them: sign in, use the tokens, refresh, sign out. */
class SignInAndSessionsTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void theWholeWalkThroughFromSignUpToSignOut() {
        User user = core.registration.signUp(new SignUpCommand("alice@example.com", PASSWORD, CONTEXT)).user();
        core.registration.confirm(new ConfirmCommand("alice@example.com", core.codeSentTo("alice@example.com"), CONTEXT));

        Tokens tokens = core.authentication.signIn(new SignInCommand("alice@example.com", PASSWORD, CONTEXT));
        assertThat(tokens.refreshToken()).isPresent();

        CurrentUser me = core.authentication.currentUser(tokens.idToken());
        assertThat(me).isEqualTo(new CurrentUser(user.id(), email("alice@example.com"), true, UserStatus.CONFIRMED,
                Set.of()));
        assertThat(core.authentication.currentUser(tokens.accessToken())).isEqualTo(me);

        Tokens refreshed = core.authentication.refresh(new TokenCommand(tokens.refreshToken().orElseThrow(), CONTEXT));
        assertThat(refreshed.refreshToken()).isEmpty();
        assertThat(core.authentication.currentUser(refreshed.accessToken())).isEqualTo(me);

        core.authentication.signOut(new TokenCommand(refreshed.accessToken(), CONTEXT));

        assertThatThrownBy(() -> core.authentication.currentUser(tokens.idToken()))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
        assertThatThrownBy(() -> core.authentication.refresh(new TokenCommand(tokens.refreshToken().orElseThrow(), CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));

        assertThat(core.auditLog.all()).extracting(AuditEvent::type).containsExactly(AuditEventType.SIGN_UP,
                AuditEventType.SIGN_UP_CONFIRMED, AuditEventType.SIGN_IN, AuditEventType.TOKENS_REFRESHED,
                AuditEventType.SIGN_OUT, AuditEventType.TOKENS_REFRESHED);
    }

    @Test
    void signInRecordsWhoSignedIn() {
        User user = core.signUpAndConfirm("alice@example.com");
        core.clock.advance(Duration.ofMinutes(3));

        AuditEvent event = core.onlyEventOf(() -> core.signIn("ALICE@example.com"));

        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(user.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.actor()).isEqualTo(Actor.user());
        assertThat(event.method()).isEmpty();
    }

    @Test
    void aWrongPasswordIsNotAuthorizedAndFiledUnderTheAccount() {
        User user = core.signUpAndConfirm("alice@example.com");

        var failure = core.failureOf(() -> core.signIn("alice@example.com", "Wrong-Pass-1"));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.error().getMessage()).isEqualTo("Incorrect username or password.");
        assertThat(failure.event().type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().userId()).contains(user.id());
    }

    @Test
    void anUnconfirmedAccountCannotSignIn() {
        core.signUp("alice@example.com");

        var failure = core.failureOf(() -> core.signIn("alice@example.com"));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.USER_NOT_CONFIRMED);
        assertThat(failure.event().errorCode()).contains(ErrorCode.USER_NOT_CONFIRMED);
    }

    @Test
    void anAccountConfirmedByAnAdminSignsInWithAnUnverifiedAddress() {
        core.signUp("alice@example.com");
        core.administration.confirm(core.adminCommand(core.admin(), "alice@example.com"));

        CurrentUser me = core.authentication.currentUser(core.signIn("alice@example.com").idToken());

        assertThat(me.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(me.emailVerified()).isFalse();
    }

    @Test
    void anAdministratorsTokensNameTheAdminsGroup() {
        core.admin();
        assertThat(core.authentication.currentUser(core.signIn(CoreWithFakes.ADMIN_EMAIL).accessToken()).groups())
                .containsExactly("admins");
    }

    @Test
    void refreshRecordsTheTokensUser() {
        User user = core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");
        core.clock.advance(Duration.ofMinutes(59));

        AtomicReference<Tokens> refreshed = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() -> refreshed.set(
                core.authentication.refresh(new TokenCommand(tokens.refreshToken().orElseThrow(), CONTEXT))));

        assertThat(refreshed.get().idToken()).isNotEqualTo(tokens.idToken());
        assertThat(event.type()).isEqualTo(AuditEventType.TOKENS_REFRESHED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(user.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
    }

    @Test
    void anUnknownRefreshTokenIsNotAuthorized() {
        var failure = core.failureOf(() -> core.authentication.refresh(new TokenCommand("no-such-token", CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.TOKENS_REFRESHED);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void signOutEndsEverySessionOfTheUser() {
        User user = core.signUpAndConfirm("alice@example.com");
        Tokens laptop = core.signIn("alice@example.com");
        Tokens phone = core.signIn("alice@example.com");

        AuditEvent event = core.onlyEventOf(() ->
                core.authentication.signOut(new TokenCommand(phone.accessToken(), CONTEXT)));

        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_OUT);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(user.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThatThrownBy(() -> core.authentication.currentUser(laptop.accessToken()))
                .isInstanceOf(UserPoolException.class);
        assertThatThrownBy(() -> core.authentication.refresh(new TokenCommand(laptop.refreshToken().orElseThrow(), CONTEXT)))
                .isInstanceOf(UserPoolException.class);
    }

    @Test
    void signOutWantsAnAccessTokenNotAnIdToken() {
        core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");

        var failure = core.failureOf(() -> core.authentication.signOut(new TokenCommand(tokens.idToken(), CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
        assertThat(core.authentication.currentUser(tokens.accessToken()).email()).isEqualTo(email("alice@example.com"));
    }

    @Test
    void tokensStopWorkingWhenTheyExpire() {
        core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");
        core.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> core.authentication.currentUser(tokens.accessToken()))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
        Tokens refreshed = core.authentication.refresh(new TokenCommand(tokens.refreshToken().orElseThrow(), CONTEXT));
        assertThat(core.authentication.currentUser(refreshed.accessToken()).email()).isEqualTo(email("alice@example.com"));
    }

    @Test
    void currentUserWantsAToken() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> core.authentication.currentUser(missing))
                    .isInstanceOfSatisfying(UserPoolException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        }
        assertThat(core.portCalls()).isEmpty();
    }

    @Test
    void theTokenOfADeletedAccountNamesNobody() {
        core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");
        core.authentication.deleteAccount(new TokenCommand(tokens.accessToken(), CONTEXT));

        assertThatThrownBy(() -> core.authentication.currentUser(tokens.idToken()))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void aSignInThatRehashedThePasswordIsAuditedOnceAsSuch() {
        User user = core.signUpAndConfirm("rehash@example.com");
        core.authenticator.outdateHash(email("rehash@example.com"));

        core.signIn("rehash@example.com");
        core.signIn("rehash@example.com");

        assertThat(core.auditLog.all()).filteredOn(e -> e.type() == AuditEventType.PASSWORD_REHASHED).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
                    assertThat(e.userId()).contains(user.id());
                    assertThat(e.email()).isEqualTo("rehash@example.com");
                    assertThat(e.context()).isEqualTo(CONTEXT);
                });
    }
}
