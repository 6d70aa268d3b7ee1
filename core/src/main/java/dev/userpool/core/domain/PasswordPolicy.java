package dev.userpool.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Cognito's password policy: by default 8..256 characters with a lower-case letter, an upper-case
 * letter, a digit and a symbol. {@link #violations} reports every broken rule, not just the first.
 */
public record PasswordPolicy(int minLength, boolean requireLowercase, boolean requireUppercase,
                             boolean requireDigit, boolean requireSymbol) {
    public static final int MAX_LENGTH = 256;
    /** Cognito's accepted symbols. */
    public static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

    public PasswordPolicy {
        if (minLength < 6 || minLength > 99) {
            throw UserPoolException.invalidParameter("minLength", "must be between 6 and 99 (Cognito's range)");
        }
    }

    public static PasswordPolicy cognitoDefault() {
        return new PasswordPolicy(8, true, true, true, true);
    }

    public List<PasswordRule> violations(Password password) {
        String p = password.reveal();
        List<PasswordRule> broken = new ArrayList<>();
        int length = password.length();
        if (length < minLength) broken.add(PasswordRule.TOO_SHORT);
        if (length > MAX_LENGTH) broken.add(PasswordRule.TOO_LONG);
        if (requireLowercase && p.chars().noneMatch(c -> c >= 'a' && c <= 'z')) broken.add(PasswordRule.NEEDS_LOWERCASE);
        if (requireUppercase && p.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) broken.add(PasswordRule.NEEDS_UPPERCASE);
        if (requireDigit && p.chars().noneMatch(c -> c >= '0' && c <= '9')) broken.add(PasswordRule.NEEDS_DIGIT);
        if (requireSymbol && p.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) broken.add(PasswordRule.NEEDS_SYMBOL);
        return List.copyOf(broken);
    }

    /** Throws {@code InvalidPassword} naming every broken rule. */
    public void check(Password password) {
        List<PasswordRule> broken = violations(password);
        if (broken.isEmpty()) return;
        List<String> messages = broken.stream().map(PasswordRule::message).toList();
        throw new UserPoolException(ErrorCode.INVALID_PASSWORD,
                "Password does not conform to policy: " + String.join("; ", messages), messages);
    }
}
