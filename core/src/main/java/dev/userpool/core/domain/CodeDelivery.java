package dev.userpool.core.domain;

import java.util.Objects;

/** Where a code or link went, masked the way Cognito reports it ({@code a***@e***.com}). */
public record CodeDelivery(String destination, String medium, String attributeName) {
    public CodeDelivery {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(attributeName, "attributeName");
    }

    public static CodeDelivery email(EmailAddress to) {
        return new CodeDelivery(to.masked(), "EMAIL", "email");
    }
}
