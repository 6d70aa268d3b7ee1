package dev.userpool.smtp;

import java.util.Objects;

/** The account the app signs in to the mail server with. The password is never printed. */
public record SmtpLogin(String username, String password) {
    public SmtpLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) throw new IllegalArgumentException("the SMTP username is empty");
        if (password.isEmpty()) throw new IllegalArgumentException("the SMTP password is empty");
    }

    @Override
    public String toString() {
        return "SmtpLogin[username=" + username + ", password=***]";
    }
}
