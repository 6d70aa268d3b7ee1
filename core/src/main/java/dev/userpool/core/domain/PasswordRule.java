package dev.userpool.core.domain;

/** One rule of a {@link PasswordPolicy}; the messages are Cognito's. */
public enum PasswordRule {
    TOO_SHORT("Password not long enough"),
    TOO_LONG("Password is too long"),
    NEEDS_LOWERCASE("Password must have lowercase characters"),
    NEEDS_UPPERCASE("Password must have uppercase characters"),
    NEEDS_DIGIT("Password must have numeric characters"),
    NEEDS_SYMBOL("Password must have symbol characters");

    private final String message;

    PasswordRule(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
