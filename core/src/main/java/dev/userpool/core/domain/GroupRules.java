package dev.userpool.core.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cognito's limits on groups, checked once where a value is made. Refusals read like AWS's own
 * validation errors ("1 validation error detected: Value … at 'precedence' failed to satisfy
 * constraint: …"), which clients of Cognito's API already know how to show.
 */
public final class GroupRules {
    private GroupRules() {}

    public static final int MAX_DESCRIPTION_LENGTH = 2048;
    public static final int MIN_ROLE_ARN_LENGTH = 20;
    public static final int MAX_ROLE_ARN_LENGTH = 2048;
    /** Cognito's ArnType. */
    static final Pattern ROLE_ARN = Pattern.compile(
            "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");
    /** Cognito's quota "groups per user pool" (docs: Quotas in Amazon Cognito, resource quotas; adjustable there, fixed here). */
    public static final int GROUPS_PER_POOL = 10_000;
    /** Cognito's quota "groups a user can belong to" (docs: Quotas in Amazon Cognito, resource quotas; not adjustable). */
    public static final int GROUPS_PER_USER = 100;

    static String description(String description) {
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            throw invalid("description", shortened(description), "Member must have length less than or equal to " + MAX_DESCRIPTION_LENGTH);
        }
        return description;
    }

    static Optional<Integer> precedence(Optional<Integer> precedence) {
        precedence.filter(p -> p < 0).ifPresent(p -> {
            throw invalid("precedence", p.toString(), "Member must have value greater than or equal to 0");
        });
        return precedence;
    }

    static Optional<String> roleArn(Optional<String> roleArn) {
        roleArn.ifPresent(arn -> {
            if (arn.length() < MIN_ROLE_ARN_LENGTH) {
                throw invalid("roleArn", arn, "Member must have length greater than or equal to " + MIN_ROLE_ARN_LENGTH);
            }
            if (arn.length() > MAX_ROLE_ARN_LENGTH) {
                throw invalid("roleArn", shortened(arn), "Member must have length less than or equal to " + MAX_ROLE_ARN_LENGTH);
            }
            if (!ROLE_ARN.matcher(arn).matches()) {
                throw invalid("roleArn", arn, "Member must satisfy regular expression pattern: " + ROLE_ARN.pattern());
            }
        });
        return roleArn;
    }

    /** The pool holds {@link #GROUPS_PER_POOL} groups already. */
    public static UserPoolException tooManyGroupsInPool() {
        return new UserPoolException(ErrorCode.LIMIT_EXCEEDED,
                "The user pool already has the maximum number of groups (" + GROUPS_PER_POOL + ").");
    }

    /** The user is in {@link #GROUPS_PER_USER} groups already. */
    public static UserPoolException tooManyGroupsForUser() {
        return new UserPoolException(ErrorCode.LIMIT_EXCEEDED,
                "The user is already a member of the maximum number of groups (" + GROUPS_PER_USER + ").");
    }

    /** Cognito's answer to a group name nobody created (ResourceNotFoundException). */
    public static UserPoolException groupNotFound() {
        return new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "Group not found.");
    }

    /** Cognito's answer to CreateGroup with a name in use (GroupExistsException). */
    public static UserPoolException groupExists() {
        return new UserPoolException(ErrorCode.GROUP_EXISTS, "A group with the name already exists.");
    }

    static UserPoolException invalid(String member, String value, String constraint) {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER, "1 validation error detected: Value '" + value
                + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** An over-long value is not echoed whole into a message. */
    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
