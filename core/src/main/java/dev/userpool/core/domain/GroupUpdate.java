package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What UpdateGroup changes: each member given replaces the group's, each left out stays as it is
 * (Cognito: "updates any of the properties for precedence, IAM role, or description"). The values
 * obey the group's rules, checked here so that a bad one is refused before anything is read.
 */
public record GroupUpdate(Optional<String> description, Optional<Integer> precedence, Optional<String> roleArn) {
    public GroupUpdate {
        description = Objects.requireNonNull(description, "description").map(GroupRules::description);
        precedence = GroupRules.precedence(Objects.requireNonNull(precedence, "precedence"));
        roleArn = GroupRules.roleArn(Objects.requireNonNull(roleArn, "roleArn"));
    }
}
