package dev.userpool.app.config;

import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.UserPoolException;

/** {@code USERPOOL_ADMIN_GROUP}: the group whose members administer, by Cognito's rules for a group name. */
public final class AdminGroupSetting {
    public static final String VARIABLE = "USERPOOL_ADMIN_GROUP";

    private AdminGroupSetting() {}

    public static GroupName from(Environment env) {
        String raw = env.get(VARIABLE, AdminPolicy.DEFAULT_ADMIN_GROUP);
        try {
            return new GroupName(raw);
        } catch (UserPoolException e) {
            throw new InvalidSettingsException(VARIABLE + "='" + raw + "' is not a group name: expected 1 to "
                    + GroupName.MAX_LENGTH + " letters, digits, symbols or punctuation, without spaces.");
        }
    }
}
