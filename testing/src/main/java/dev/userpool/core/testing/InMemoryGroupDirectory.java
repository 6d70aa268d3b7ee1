package dev.userpool.core.testing;

import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.GroupRules;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.GroupDirectory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The groups of an {@link InMemoryUserDirectory}'s accounts, kept in memory. Memberships of an account
 * that no longer exists are not shown (a deleted account leaves its groups, as on every directory).
 * Synchronized: each method is one atomic step, quotas included.
 */
public final class InMemoryGroupDirectory implements GroupDirectory {
    private final InMemoryUserDirectory users;
    private final Map<GroupName, Group> groups = new TreeMap<>();
    private final Map<GroupName, Set<UserId>> members = new TreeMap<>();
    private final int groupsPerPool;

    public InMemoryGroupDirectory(InMemoryUserDirectory users) {
        this(users, GroupRules.GROUPS_PER_POOL);
    }

    /** With a smaller pool quota, so that a test can reach it. */
    public InMemoryGroupDirectory(InMemoryUserDirectory users, int groupsPerPool) {
        this.users = users;
        this.groupsPerPool = groupsPerPool;
    }

    @Override
    public synchronized Group create(Group group) {
        if (groups.containsKey(group.name())) throw GroupRules.groupExists();
        if (groups.size() >= groupsPerPool) throw GroupRules.tooManyGroupsInPool();
        groups.put(group.name(), group);
        members.put(group.name(), new TreeSet<>(Comparator.comparing(UserId::value)));
        return group;
    }

    @Override
    public synchronized Optional<Group> find(GroupName name) {
        return Optional.ofNullable(groups.get(name));
    }

    @Override
    public synchronized Group update(Group changed) {
        if (!groups.containsKey(changed.name())) throw GroupRules.groupNotFound();
        groups.put(changed.name(), changed);
        return changed;
    }

    @Override
    public synchronized void delete(GroupName name) {
        if (groups.remove(name) == null) throw GroupRules.groupNotFound();
        members.remove(name);
    }

    @Override
    public synchronized Page<Group> list(PageRequest page) {
        return page(List.copyOf(groups.values()), g -> g.name().value(), page);
    }

    @Override
    public synchronized void addMember(GroupName group, UserId user) {
        Set<UserId> in = members.get(group);
        if (in == null) throw GroupRules.groupNotFound();
        if (users.findById(user).isEmpty()) throw UserPoolException.userNotFound();
        if (in.contains(user)) return;
        if (groupNamesOf(user).size() >= GroupRules.GROUPS_PER_USER) throw GroupRules.tooManyGroupsForUser();
        in.add(user);
    }

    @Override
    public synchronized void removeMember(GroupName group, UserId user) {
        Set<UserId> in = members.get(group);
        if (in == null) throw GroupRules.groupNotFound();
        if (users.findById(user).isEmpty()) throw UserPoolException.userNotFound();
        in.remove(user);
    }

    @Override
    public synchronized Page<Group> groupsOf(UserId user, PageRequest page) {
        if (users.findById(user).isEmpty()) throw UserPoolException.userNotFound();
        return page(groupNamesOf(user).stream().map(groups::get).toList(), g -> g.name().value(), page);
    }

    @Override
    public synchronized Page<User> members(GroupName group, PageRequest page) {
        Set<UserId> in = members.get(group);
        if (in == null) throw GroupRules.groupNotFound();
        List<User> accounts = in.stream().map(users::findById).flatMap(Optional::stream).toList();
        return page(accounts, u -> u.id().value(), page);
    }

    @Override
    public synchronized boolean isMember(GroupName group, UserId user) {
        return members.getOrDefault(group, Set.of()).contains(user) && users.findById(user).isPresent();
    }

    /** The names of the user's groups, in token order: what a directory that issues tokens would put in them. */
    public synchronized List<String> tokenGroupsOf(UserId user) {
        return groupNamesOf(user).stream().map(groups::get).sorted(Group.TOKEN_ORDER).map(g -> g.name().value()).toList();
    }

    private List<GroupName> groupNamesOf(UserId user) {
        List<GroupName> names = new ArrayList<>();
        members.forEach((name, in) -> {
            if (in.contains(user)) names.add(name);
        });
        return names;
    }

    /** Items sorted by {@code key} already; the cursor is the (encoded) last key of the page before. */
    private static <T> Page<T> page(List<T> sorted, Function<T, String> key, PageRequest page) {
        Optional<String> after = page.cursor().map(c -> new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8));
        List<T> rest = sorted.stream().filter(t -> after.map(a -> key.apply(t).compareTo(a) > 0).orElse(true)).toList();
        List<T> items = rest.subList(0, Math.min(page.limit(), rest.size()));
        Optional<String> next = rest.size() > items.size()
                ? Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        key.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new Page<>(items, next);
    }
}
