package dev.userpool.cognito;

import java.io.IOException;

/** Where the pool's JSON Web Key Set comes from (its {@code .well-known/jwks.json}, or a test's keys). */
@FunctionalInterface
interface JwksSource {
    /** The JWKS document; an {@link IOException} when it cannot be had now. */
    String fetch() throws IOException;
}
