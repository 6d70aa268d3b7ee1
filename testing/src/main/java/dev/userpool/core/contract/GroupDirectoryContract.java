package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.GroupRules;
import dev.userpool.core.domain.GroupUpdate;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GroupDirectory} does: Cognito's groups, their members, their errors and quotas. A
 * pool may be shared by the tests of one run, so every group and account is new and named apart.
 */
public abstract class GroupDirectoryContract {

    protected abstract GroupDirectory groups();

    /** The directory of the same pool's accounts. */
    protected abstract UserDirectory users();

    protected GroupName newGroupName() {
        return new GroupName("contract-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** An address no account has. */
    protected EmailAddress newAddress() {
        return new EmailAddress("grp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    protected UserId newUser() {
        return users().signUp(newAddress(), Password.of("Correct-Horse-9"), false).user().id();
    }

    /** Seconds: the precision every directory keeps (Cognito's API answers in seconds, with a fraction). */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    protected Group newGroup(Optional<Integer> precedence) {
        return Group.create(newGroupName(), Optional.of("a group of the contract"), precedence,
                Optional.of("arn:aws:iam::123456789012:role/ContractReaders"), now());
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> listing) {
        List<T> items = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<T> page = listing.apply(new PageRequest(2, cursor));
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return items;
    }

    private static List<String> names(List<Group> groups) {
        return groups.stream().map(g -> g.name().value()).toList();
    }

    @Test
    void aCreatedGroupIsFoundWithEverythingItWasGiven() {
        Group group = newGroup(Optional.of(3));
        Group created = groups().create(group);

        assertThat(created.name()).isEqualTo(group.name());
        assertThat(created.description()).isEqualTo("a group of the contract");
        assertThat(created.precedence()).contains(3);
        assertThat(created.roleArn()).contains("arn:aws:iam::123456789012:role/ContractReaders");
        assertThat(groups().find(group.name())).contains(created);
        assertThat(groups().find(newGroupName())).isEmpty();
    }

    @Test
    void aTakenNameIsGroupExistsAndTheFirstGroupStaysAsItWas() {
        Group first = groups().create(newGroup(Optional.of(1)));
        Group again = Group.create(first.name(), Optional.of("another"), Optional.of(9), Optional.empty(), now());

        assertRefused(() -> groups().create(again), ErrorCode.GROUP_EXISTS);
        assertThat(groups().find(first.name())).contains(first);
    }

    @Test
    void anUpdateStoresTheChangeAndKeepsTheCreationTime() {
        Group created = groups().create(newGroup(Optional.of(1)));
        Group changed = created.apply(new GroupUpdate(Optional.of("changed"), Optional.of(7), Optional.empty()),
                created.createdAt().plusSeconds(5));

        Group stored = groups().update(changed);

        assertThat(stored.description()).isEqualTo("changed");
        assertThat(stored.precedence()).contains(7);
        assertThat(stored.roleArn()).isEqualTo(created.roleArn());
        assertThat(stored.createdAt()).isEqualTo(created.createdAt());
        assertThat(groups().find(created.name())).contains(stored);
    }

    @Test
    void unknownGroupsAreResourceNotFound() {
        UserId user = newUser();
        groups().create(newGroup(Optional.empty()));   // a pool with groups, only not this one
        Group never = newGroup(Optional.empty());
        assertRefused(() -> groups().update(never), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> groups().delete(never.name()), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> groups().addMember(never.name(), user), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> groups().removeMember(never.name(), user), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> groups().members(never.name(), PageRequest.first(10)), ErrorCode.RESOURCE_NOT_FOUND);
        assertThat(groups().isMember(never.name(), user)).isFalse();
    }

    @Test
    void unknownAccountsAreUserNotFound() {
        Group group = groups().create(newGroup(Optional.empty()));
        UserId nobody = new UserId(UUID.randomUUID().toString());
        assertRefused(() -> groups().addMember(group.name(), nobody), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> groups().groupsOf(nobody, PageRequest.first(10)), ErrorCode.USER_NOT_FOUND);
        assertThat(all(p -> groups().members(group.name(), p))).isEmpty();
    }

    @Test
    void membersAndTheirGroupsAreListedBothWays() {
        Group a = groups().create(newGroup(Optional.of(2)));
        Group b = groups().create(newGroup(Optional.empty()));
        Group c = groups().create(newGroup(Optional.of(1)));
        UserId alice = newUser();
        UserId bob = newUser();

        groups().addMember(a.name(), alice);
        groups().addMember(b.name(), alice);
        groups().addMember(c.name(), alice);
        groups().addMember(a.name(), bob);
        groups().addMember(a.name(), bob);   // again: no change, no error

        assertThat(names(all(p -> groups().groupsOf(alice, p))))
                .containsExactlyInAnyOrder(a.name().value(), b.name().value(), c.name().value());
        assertThat(all(p -> groups().members(a.name(), p))).extracting(User::id).containsExactlyInAnyOrder(alice, bob);
        assertThat(groups().isMember(b.name(), alice)).isTrue();
        assertThat(groups().isMember(b.name(), bob)).isFalse();
    }

    @Test
    void aRemovedMemberIsNoLongerInTheGroup() {
        Group group = groups().create(newGroup(Optional.empty()));
        UserId user = newUser();
        groups().addMember(group.name(), user);

        groups().removeMember(group.name(), user);
        groups().removeMember(group.name(), user);   // not a member: no change, no error

        assertThat(groups().isMember(group.name(), user)).isFalse();
        assertThat(all(p -> groups().groupsOf(user, p))).isEmpty();
        assertThat(all(p -> groups().members(group.name(), p))).isEmpty();
    }

    @Test
    void deletingAGroupEndsItsMemberships() {
        Group group = groups().create(newGroup(Optional.empty()));
        UserId user = newUser();
        groups().addMember(group.name(), user);

        groups().delete(group.name());

        assertThat(groups().find(group.name())).isEmpty();
        assertThat(groups().isMember(group.name(), user)).isFalse();
        assertThat(all(p -> groups().groupsOf(user, p))).isEmpty();
    }

    @Test
    void deletingAnAccountEndsItsMemberships() {
        Group group = groups().create(newGroup(Optional.empty()));
        UserId user = newUser();
        groups().addMember(group.name(), user);
        EmailAddress email = users().findById(user).orElseThrow().email();

        users().delete(email);

        assertThat(groups().isMember(group.name(), user)).isFalse();
        assertThat(all(p -> groups().members(group.name(), p))).isEmpty();
    }

    @Test
    void theListingPagesThroughEveryGroupOnce() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) made.add(groups().create(newGroup(Optional.of(i))).name().value());

        List<String> listed = names(all(p -> groups().list(p)));

        assertThat(listed).containsAll(made);
        assertThat(listed).doesNotHaveDuplicates();
    }

    @Test
    void aUserInAsManyGroupsAsCognitoAllowsJoinsNoMore() {
        UserId user = newUser();
        for (int i = 0; i < GroupRules.GROUPS_PER_USER; i++) {
            groups().addMember(groups().create(newGroup(Optional.empty())).name(), user);
        }
        Group oneMore = groups().create(newGroup(Optional.empty()));

        assertRefused(() -> groups().addMember(oneMore.name(), user), ErrorCode.LIMIT_EXCEEDED);
        assertThat(groups().isMember(oneMore.name(), user)).isFalse();
        assertThat(all(p -> groups().groupsOf(user, p))).hasSize(GroupRules.GROUPS_PER_USER);
    }
}
