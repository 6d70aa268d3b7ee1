package dev.userpool.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a group, unique in the pool, by Cognito's rules: 1 to 128 characters, letters, marks,
 * symbols, numbers and punctuation only (no spaces, no control characters). Names are compared
 * exactly, as Cognito does: {@code Admins} and {@code admins} are two groups.
 */
public record GroupName(String value) implements Comparable<GroupName> {
    public static final int MAX_LENGTH = 128;
    /** Cognito's pattern for GroupNameType. */
    static final Pattern PATTERN = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    public GroupName {
        Objects.requireNonNull(value, "groupName");
        if (value.isEmpty()) throw GroupRules.invalid("groupName", value, "Member must have length greater than or equal to 1");
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw GroupRules.invalid("groupName", value, "Member must have length less than or equal to " + MAX_LENGTH);
        }
        if (!PATTERN.matcher(value).matches()) {
            throw GroupRules.invalid("groupName", value, "Member must satisfy regular expression pattern: " + PATTERN.pattern());
        }
    }

    @Override
    public int compareTo(GroupName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
