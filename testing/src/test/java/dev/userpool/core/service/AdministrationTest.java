package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.ADMIN_EMAIL;
import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Administration.Administrator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Flow 3 and the other operator actions: each is authorized, and each names who took it. */
class AdministrationTest {
    private static final EmailAddress ALICE = email("alice@example.com");
    private final CoreWithFakes core = CoreWithFakes.byCode();

    private static void assertNotAuthorized(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(UserPoolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void anAddressNamedInTheAdminPolicyIsAnAdministrator() {
        Administrator admin = core.admin();
        assertThat(admin.email()).isEqualTo(email(ADMIN_EMAIL));
        assertThat(admin.id()).isEqualTo(core.directory.find(email(ADMIN_EMAIL)).orElseThrow().id());
        assertThat(admin.actor()).isEqualTo(Actor.admin(admin.id()));
    }

    @Test
    void aMemberOfTheAdminsGroupIsAnAdministrator() {
        User bob = core.signUpAndConfirm("bob@example.com");
        core.groups.create(dev.userpool.core.domain.Group.create(new dev.userpool.core.domain.GroupName("admins"),
                Optional.empty(), Optional.empty(), Optional.empty(), core.clock.instant()));
        core.groups.addMember(new dev.userpool.core.domain.GroupName("admins"), bob.id());
        String token = core.tokens.issue(bob.id(), TokenUse.ACCESS, Optional.empty(), Set.of());
        assertThat(core.administration.authorize(" " + token + " ").id()).isEqualTo(bob.id());
    }

    @Test
    void anyoneElseIsNotAuthorized() {
        core.signUpAndConfirm("bob@example.com");
        Tokens bob = core.signIn("bob@example.com");
        assertNotAuthorized(() -> core.administration.authorize(bob.accessToken()));
    }

    @Test
    void anIdTokenDoesNotAuthorizeEvenAnAdministrator() {
        core.admin();
        Tokens admin = core.signIn(ADMIN_EMAIL);
        assertNotAuthorized(() -> core.administration.authorize(admin.idToken()));
    }

    @Test
    void aMissingOrInvalidTokenIsNotAuthorized() {
        for (String missing : new String[] {null, "", "   "}) {
            assertNotAuthorized(() -> core.administration.authorize(missing));
        }
        assertThat(core.portCalls()).isEmpty();
        assertNotAuthorized(() -> core.administration.authorize("forged-token"));
    }

    @Test
    void theTokenOfADeletedAdministratorIsNotAuthorized() {
        Administrator admin = core.admin();
        String token = core.signIn(ADMIN_EMAIL).accessToken();
        core.directory.delete(admin.email());
        assertNotAuthorized(() -> core.administration.authorize(token));
    }

    @Test
    void aDisabledAdministratorIsNotAuthorized() {
        Administrator admin = core.admin();
        String token = core.signIn(ADMIN_EMAIL).accessToken();
        core.administration.disable(core.adminCommand(admin, ADMIN_EMAIL));
        assertNotAuthorized(() -> core.administration.authorize(token));
    }

    @Test
    void adminConfirmationConfirmsButLeavesTheAddressUnverified() {
        User alice = core.signUp("alice@example.com");
        Administrator admin = core.admin();

        AtomicReference<User> confirmed = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                confirmed.set(core.administration.confirm(core.adminCommand(admin, "Alice@Example.com"))));

        assertThat(confirmed.get().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.get().emailVerified()).isFalse();
        assertThat(core.directory.find(ALICE)).contains(confirmed.get());

        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_UP_CONFIRMED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.actor()).isEqualTo(Actor.admin(admin.id()));
        assertThat(event.method()).contains(ConfirmationMethod.ADMIN);
    }

    @Test
    void adminConfirmationOfAConfirmedAccountIsNotAuthorized() {
        core.signUpAndConfirm("alice@example.com");
        Administrator admin = core.admin();

        var failure = core.failureOf(() -> core.administration.confirm(core.adminCommand(admin, "alice@example.com")));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().actor()).isEqualTo(Actor.admin(admin.id()));
        assertThat(core.directory.find(ALICE).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabled() {
        User alice = core.signUpAndConfirm("alice@example.com");
        Administrator admin = core.admin();

        AtomicReference<User> disabled = new AtomicReference<>();
        AuditEvent disabling = core.onlyEventOf(() ->
                disabled.set(core.administration.disable(core.adminCommand(admin, "alice@example.com"))));

        assertThat(disabled.get().enabled()).isFalse();
        assertThat(core.directory.find(ALICE)).contains(disabled.get());
        assertThat(disabling.type()).isEqualTo(AuditEventType.USER_DISABLED);
        assertThat(disabling.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(disabling.userId()).contains(alice.id());
        assertThat(disabling.actor()).isEqualTo(Actor.admin(admin.id()));
        assertThat(disabling.method()).isEmpty();
        assertThat(core.failureOf(() -> core.signIn("alice@example.com")).error().code())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);

        AuditEvent enabling = core.onlyEventOf(() -> core.administration.enable(core.adminCommand(admin, "alice@example.com")));

        assertThat(enabling.type()).isEqualTo(AuditEventType.USER_ENABLED);
        assertThat(enabling.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(enabling.userId()).contains(alice.id());
        assertThat(enabling.actor()).isEqualTo(Actor.admin(admin.id()));
        assertThat(core.directory.find(ALICE).orElseThrow().enabled()).isTrue();
        core.signIn("alice@example.com");
    }

    /** The service applies the domain's transition once; the directory is handed the state it left, once. */
    @Test
    void eachChangeReadsTheAccountOnceHandsTheDirectoryItsNewStateOnceAndRecordsWhatHappened() {
        core.signUp("alice@example.com");
        Administrator admin = core.admin();
        AdminCommand alice = core.adminCommand(admin, "alice@example.com");
        var changes = new java.util.LinkedHashMap<AuditEventType, Runnable>();
        changes.put(AuditEventType.SIGN_UP_CONFIRMED, () -> core.administration.confirm(alice));
        changes.put(AuditEventType.EMAIL_VERIFIED, () -> core.administration.verifyEmail(alice));
        changes.put(AuditEventType.USER_DISABLED, () -> core.administration.disable(alice));
        changes.put(AuditEventType.USER_ENABLED, () -> core.administration.enable(alice));

        changes.forEach((happened, change) -> {
            int before = core.directory.calls().size();
            AuditEvent event = core.onlyEventOf(change);
            assertThat(core.directory.calls().subList(before, core.directory.calls().size()))
                    .as(happened.name()).containsExactly("find", "save");
            assertThat(event.type()).isEqualTo(happened);
        });
        User account = core.directory.find(ALICE).orElseThrow();
        assertThat(account.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.enabled()).isTrue();
    }

    @Test
    void actingOnAnUnknownAccountIsUserNotFoundForAnAdministrator() {
        Administrator admin = core.admin();
        for (AdminCommand cmd : List.of(core.adminCommand(admin, "ghost@example.com"))) {
            var confirm = core.failureOf(() -> core.administration.confirm(cmd));
            var disable = core.failureOf(() -> core.administration.disable(cmd));
            var enable = core.failureOf(() -> core.administration.enable(cmd));
            var delete = core.failureOf(() -> core.administration.delete(cmd));
            for (var failure : new CoreWithFakes.Failure[] {confirm, disable, enable, delete}) {
                assertThat(failure.error().code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
                assertThat(failure.event().outcome()).isEqualTo(Outcome.FAILURE);
                assertThat(failure.event().errorCode()).contains(ErrorCode.USER_NOT_FOUND);
                assertThat(failure.event().userId()).isEmpty();
                assertThat(failure.event().email()).isEqualTo("ghost@example.com");
                assertThat(failure.event().actor()).isEqualTo(Actor.admin(admin.id()));
            }
            assertThat(List.of(confirm, disable, enable, delete)).extracting(f -> f.event().type())
                    .containsExactly(AuditEventType.SIGN_UP_CONFIRMED, AuditEventType.USER_DISABLED,
                            AuditEventType.USER_ENABLED, AuditEventType.USER_DELETED);
        }
        assertThat(core.mailer.delivered()).isEmpty();
    }

    @Test
    void theOperatorsConsoleActsAsTheSystem() {
        core.signUp("alice@example.com");

        AuditEvent event = core.onlyEventOf(() ->
                core.administration.confirm(new AdminCommand(Actor.system(), "alice@example.com", CONTEXT)));

        assertThat(event.actor()).isEqualTo(Actor.system());
        assertThat(event.method()).contains(ConfirmationMethod.ADMIN);
    }

    @Test
    void usersAreListedPageByPageWithTheirStatusAndVerification() {
        core.signUpAndConfirm("carol@example.com");
        core.signUp("alice@example.com");
        core.signUp("bob@example.com");
        core.administration.confirm(new AdminCommand(Actor.system(), "bob@example.com", CONTEXT));
        int events = core.auditLog.size();

        Page<User> first = core.administration.listUsers(UserFilter.all(), PageRequest.first(2));
        Page<User> second = core.administration.listUsers(UserFilter.all(), new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(u -> u.email().value()).containsExactly("alice@example.com", "bob@example.com");
        assertThat(second.items()).extracting(u -> u.email().value()).containsExactly("carol@example.com");
        assertThat(second.nextCursor()).isEmpty();
        assertThat(first.items().get(0).status()).isEqualTo(UserStatus.UNCONFIRMED);
        assertThat(first.items().get(1).emailVerified()).isFalse();
        assertThat(second.items().get(0).emailVerified()).isTrue();

        UserFilter unverifiedButConfirmed = new UserFilter(Optional.of(UserStatus.CONFIRMED), Optional.of(false),
                Optional.empty());
        assertThat(core.administration.listUsers(unverifiedButConfirmed, PageRequest.first(10)).items())
                .extracting(u -> u.email().value()).containsExactly("bob@example.com");
        assertThat(core.auditLog.size()).as("reads are not audited").isEqualTo(events);
    }

    @Test
    void oneUserIsFoundByAddress() {
        User alice = core.signUp("alice@example.com");
        assertThat(core.administration.findUser(" ALICE@example.com")).isEqualTo(alice);
        assertThatThrownBy(() -> core.administration.findUser("ghost@example.com"))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
    }
}
