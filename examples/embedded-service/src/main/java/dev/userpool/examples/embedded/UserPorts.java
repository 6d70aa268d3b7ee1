package dev.userpool.examples.embedded;

import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoAuthenticator;
import dev.userpool.cognito.CognitoPool;
import dev.userpool.cognito.CognitoTokenVerifier;
import dev.userpool.cognito.CognitoUserDirectory;
import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.embedded.EmbeddedAdapters;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The out-ports the use cases are built on. Who keeps the users is the one choice: the embedded SQLite
 * directory, or an Amazon Cognito pool; the audit log and the mailer for notices stay embedded either way.
 */
public record UserPorts(UserDirectory directory, Authenticator authenticator, TokenVerifier tokens,
                 EmailVerifier emailVerifier, Mailer mailer, AuditLog audit, AutoCloseable resources) {
    public UserPorts {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(emailVerifier, "emailVerifier");
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(resources, "resources");
    }

    /** Everything on the embedded adapters' SQLite file. */
    public static UserPorts embedded(EmbeddedAdapters edge) {
        return new UserPorts(edge.directory(), edge.authenticator(), edge.tokenVerifier(), edge.emailVerifier(),
                edge.mailer(), edge.auditLog(), () -> {});
    }

    /**
     * The users in a Cognito pool on AWS (credentials from the SDK's default chain); Cognito mails its
     * own codes and signs in with SRP, so the password never travels to it.
     */
    public static UserPorts cognito(EmbeddedAdapters edge, CognitoPool pool, AppClient client, Clock clock) {
        CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder().region(Region.of(pool.region())).build();
        return new UserPorts(new CognitoUserDirectory(sdk, pool, client),
                new CognitoAuthenticator(sdk, pool, client, SignInFlow.USER_SRP_AUTH, clock),
                new CognitoTokenVerifier(pool, client, clock), edge.emailVerifier(), edge.mailer(), edge.auditLog(),
                sdk::close);
    }
}
