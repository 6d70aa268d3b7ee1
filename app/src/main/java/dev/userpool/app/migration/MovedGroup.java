package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.GroupName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One group as it moves between pools: what Cognito's CreateGroup takes of it, and the accounts in it
 * (those the export moved: an account left out of the CSV is left out of its groups too).
 */
public record MovedGroup(GroupName name, String description, Optional<Integer> precedence, Optional<String> roleArn,
                         List<EmailAddress> members) {
    public MovedGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(roleArn, "roleArn");
        members = List.copyOf(members);
    }
}
