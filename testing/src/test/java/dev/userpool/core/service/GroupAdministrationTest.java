package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Administration.AdminAccess;
import dev.userpool.core.port.in.Administration.Administrator;
import dev.userpool.core.port.in.GroupAdministration.GroupChange;
import dev.userpool.core.port.in.GroupAdministration.GroupCommand;
import dev.userpool.core.port.in.GroupAdministration.MembershipCommand;
import dev.userpool.core.port.in.GroupAdministration.NewGroup;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator's group use cases: Cognito's rules and errors, one audit event per change naming the
 * operator (and the account, for a membership), nothing written on a refusal; membership of the
 * admin group grants administration, and a member taken out loses it at once.
 */
class GroupAdministrationTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();
    private final Administrator admin = core.admin();
    private final Actor actor = admin.actor();

    private Group create(String name, Optional<Integer> precedence) {
        return core.groupAdministration.create(new NewGroup(actor, name, Optional.of("about " + name), precedence,
                Optional.empty(), CONTEXT));
    }

    private MembershipCommand membership(String group, String user) {
        return new MembershipCommand(actor, group, user, CONTEXT);
    }

    @Test
    void creatingAGroupRecordsWhoCreatedIt() {
        AuditEvent event = core.onlyEventOf(() -> create("riders", Optional.of(2)));

        assertThat(event.type()).isEqualTo(AuditEventType.GROUP_CREATED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.actor()).isEqualTo(actor);
        Group found = core.groupAdministration.find("riders");
        assertThat(found.description()).isEqualTo("about riders");
        assertThat(found.precedence()).contains(2);
        assertThat(found.createdAt()).isEqualTo(core.clock.instant());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWrittenAndRecordedAsAFailure() {
        for (NewGroup bad : new NewGroup[] {
                new NewGroup(actor, "two words", Optional.empty(), Optional.empty(), Optional.empty(), CONTEXT),
                new NewGroup(actor, "x".repeat(129), Optional.empty(), Optional.empty(), Optional.empty(), CONTEXT),
                new NewGroup(actor, "", Optional.empty(), Optional.empty(), Optional.empty(), CONTEXT),
                new NewGroup(actor, "ok", Optional.of("d".repeat(2049)), Optional.empty(), Optional.empty(), CONTEXT),
                new NewGroup(actor, "ok", Optional.empty(), Optional.of(-1), Optional.empty(), CONTEXT),
                new NewGroup(actor, "ok", Optional.empty(), Optional.empty(), Optional.of("role"), CONTEXT)}) {
            CoreWithFakes.Failure failure = core.failureOf(() -> core.groupAdministration.create(bad));
            assertThat(failure.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(failure.event().type()).isEqualTo(AuditEventType.GROUP_CREATED);
            assertThat(failure.event().errorCode()).contains(ErrorCode.INVALID_PARAMETER);
        }
        assertThat(core.groupAdministration.list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aTakenNameIsGroupExists() {
        create("riders", Optional.empty());
        CoreWithFakes.Failure failure = core.failureOf(() -> create("riders", Optional.of(1)));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.GROUP_EXISTS);
        assertThat(failure.error().getMessage()).isEqualTo("A group with the name already exists.");
        assertThat(core.groupAdministration.find("riders").precedence()).isEmpty();
    }

    @Test
    void anUpdateChangesWhatItNamesAndIsRecorded() {
        create("riders", Optional.of(2));
        core.clock.advance(java.time.Duration.ofMinutes(5));

        AuditEvent event = core.onlyEventOf(() -> core.groupAdministration.update(new GroupChange(actor, "riders",
                Optional.empty(), Optional.of(0), Optional.of("arn:aws:iam::123456789012:role/Riders"), CONTEXT)));

        assertThat(event.type()).isEqualTo(AuditEventType.GROUP_UPDATED);
        Group after = core.groupAdministration.find("riders");
        assertThat(after.description()).isEqualTo("about riders");
        assertThat(after.precedence()).contains(0);
        assertThat(after.roleArn()).contains("arn:aws:iam::123456789012:role/Riders");
        assertThat(after.lastModifiedAt()).isAfter(after.createdAt());
    }

    @Test
    void unknownGroupsAreResourceNotFoundAndRecorded() {
        core.signUpAndConfirm("bob@example.com");
        for (Runnable call : new Runnable[] {
                () -> core.groupAdministration.update(new GroupChange(actor, "nope", Optional.of("d"), Optional.empty(), Optional.empty(), CONTEXT)),
                () -> core.groupAdministration.delete(new GroupCommand(actor, "nope", CONTEXT)),
                () -> core.groupAdministration.addUser(membership("nope", "bob@example.com")),
                () -> core.groupAdministration.removeUser(membership("nope", "bob@example.com"))}) {
            CoreWithFakes.Failure failure = core.failureOf(call);
            assertThat(failure.error().code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
            assertThat(failure.error().getMessage()).isEqualTo("Group not found.");
            assertThat(failure.event().errorCode()).contains(ErrorCode.RESOURCE_NOT_FOUND);
        }
    }

    @Test
    void membershipsAreRecordedWithTheAccountAndListedBothWays() {
        User bob = core.signUpAndConfirm("bob@example.com");
        create("riders", Optional.of(1));

        AuditEvent added = core.onlyEventOf(() -> core.groupAdministration.addUser(membership("riders", bob.id().value())));
        assertThat(added.type()).isEqualTo(AuditEventType.USER_ADDED_TO_GROUP);
        assertThat(added.userId()).contains(bob.id());
        assertThat(added.email()).isEqualTo("bob@example.com");
        assertThat(added.actor()).isEqualTo(actor);
        assertThat(core.groupAdministration.groupsOf("bob@example.com", PageRequest.first(10)).items())
                .extracting(g -> g.name().value()).containsExactly("riders");
        assertThat(core.groupAdministration.members("riders", PageRequest.first(10)).items()).containsExactly(bob);

        AuditEvent removed = core.onlyEventOf(() -> core.groupAdministration.removeUser(membership("riders", "bob@example.com")));
        assertThat(removed.type()).isEqualTo(AuditEventType.USER_REMOVED_FROM_GROUP);
        assertThat(core.groupAdministration.members("riders", PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anUnknownUserIsUserNotFound() {
        create("riders", Optional.empty());
        CoreWithFakes.Failure failure = core.failureOf(() -> core.groupAdministration.addUser(membership("riders", "ghost@example.com")));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.USER_ADDED_TO_GROUP);
    }

    @Test
    void deletingAGroupIsRecordedAndItsNameIsFreeAgain() {
        create("riders", Optional.empty());
        AuditEvent event = core.onlyEventOf(() -> core.groupAdministration.delete(new GroupCommand(actor, "riders", CONTEXT)));
        assertThat(event.type()).isEqualTo(AuditEventType.GROUP_DELETED);
        create("riders", Optional.of(4));
        assertThat(core.groupAdministration.find("riders").precedence()).contains(4);
    }

    @Test
    void theAdminGroupsMembersAdministerAndARemovedMemberNoLonger() {
        User carol = core.signUpAndConfirm("carol@example.com");
        String token = core.signIn("carol@example.com").accessToken();
        assertThat(core.administration.access(token)).isInstanceOf(AdminAccess.Denied.class);

        create("admins", Optional.empty());
        core.groupAdministration.addUser(membership("admins", "carol@example.com"));
        assertThat(core.administration.access(token)).isInstanceOf(AdminAccess.Granted.class);
        assertThat(core.administration.authorize(token).id()).isEqualTo(carol.id());

        core.groupAdministration.removeUser(membership("admins", "carol@example.com"));
        assertThat(core.administration.access(token)).as("the same token, after the removal").isInstanceOf(AdminAccess.Denied.class);
    }

    @Test
    void aTokenThatClaimsTheAdminGroupIsNotEnoughWithoutMembership() {
        User dave = core.signUpAndConfirm("dave@example.com");
        String forged = core.tokens.issue(dave.id(), VerifiedToken.TokenUse.ACCESS, Optional.empty(), Set.of("admins"));
        assertThat(core.administration.access(forged)).isInstanceOf(AdminAccess.Denied.class);
    }

    @Test
    void tokensListTheGroupsByPrecedence() {
        core.signUpAndConfirm("erin@example.com");
        create("zeta", Optional.empty());
        create("beta", Optional.of(3));
        create("alpha", Optional.of(3));
        create("first", Optional.of(0));
        for (String g : new String[] {"zeta", "beta", "alpha", "first"}) core.groupAdministration.addUser(membership(g, "erin@example.com"));
        assertThat(core.groups.tokenGroupsOf(core.directory.find(CoreWithFakes.email("erin@example.com")).orElseThrow().id()))
                .containsExactly("first", "alpha", "beta", "zeta");
        assertThat(new GroupName("first")).isEqualTo(core.groupAdministration.find("first").name());
    }
}
