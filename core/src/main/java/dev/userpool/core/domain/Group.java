package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of the pool, as Cognito keeps one: its name, a description (empty when none), an optional
 * precedence (0 ranks first), an optional IAM role ARN that is stored and shown (this pool issues no
 * AWS credentials), and when it was created and last changed.
 */
public record Group(GroupName name, String description, Optional<Integer> precedence, Optional<String> roleArn,
                    Instant createdAt, Instant lastModifiedAt) {

    /** The order of {@code cognito:groups} in tokens ({@link GroupRank#TOKEN_ORDER}). */
    public static final Comparator<Group> TOKEN_ORDER = Comparator.comparing(Group::rank, GroupRank.TOKEN_ORDER);

    public Group {
        Objects.requireNonNull(name, "name");
        description = GroupRules.description(Objects.requireNonNull(description, "description"));
        precedence = GroupRules.precedence(Objects.requireNonNull(precedence, "precedence"));
        roleArn = GroupRules.roleArn(Objects.requireNonNull(roleArn, "roleArn"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
    }

    public GroupRank rank() {
        return new GroupRank(name, precedence);
    }

    /** A new group, created and last changed {@code now}. */
    public static Group create(GroupName name, Optional<String> description, Optional<Integer> precedence,
                               Optional<String> roleArn, Instant now) {
        return new Group(name, description.orElse(""), precedence, roleArn, now, now);
    }

    /** This group with what {@code update} names changed, and changed {@code now}; what it leaves out stays. */
    public Group apply(GroupUpdate update, Instant now) {
        return new Group(name, update.description().orElse(description), update.precedence().or(() -> precedence),
                update.roleArn().or(() -> roleArn), createdAt, now);
    }
}
