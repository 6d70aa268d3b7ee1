package dev.userpool.app.http;

import dev.userpool.core.domain.UserPoolException;
import io.javalin.http.Context;

/** Reads {@code Authorization: Bearer …}. */
final class Bearer {
    private Bearer() {}

    static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw UserPoolException.notAuthorized("Sign in first: this needs an Authorization: Bearer token.");
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            throw UserPoolException.notAuthorized("The Authorization header must be 'Bearer <token>'.");
        }
        return parts[1];
    }
}
