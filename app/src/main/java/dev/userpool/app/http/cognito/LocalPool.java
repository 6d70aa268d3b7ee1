package dev.userpool.app.http.cognito;

import dev.userpool.app.http.LocalCallers;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.AppClientAdministration;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may call: the one user pool this server plays, its app clients (any client of the pool, with
 * that client's {@code SECRET_HASH} when it has a secret and its explicit auth flows), and where admin
 * operations may come from. Messages are Cognito's.
 */
final class LocalPool {
    private final PoolApiSettings settings;
    private final LocalCallers callers;
    private final AppClientAdministration clients;

    LocalPool(PoolApiSettings settings, LocalCallers callers, AppClientAdministration clients) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.callers = Objects.requireNonNull(callers, "callers");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    String userPoolId() {
        return settings.userPoolId();
    }

    /** The app client the request's {@code ClientId} names: any client of the pool, as on Cognito. */
    AppClient requireClient(CognitoRequest request) {
        String clientId = request.required("ClientId");
        return clients.findClient(clientId)
                .orElseThrow(() -> new CognitoError("ResourceNotFoundException", "User pool client " + clientId + " does not exist."));
    }

    /**
     * Cognito's refusal of an auth flow the client lacks ({@code ALLOW_…} in its ExplicitAuthFlows):
     * {@code flow} is the AuthFlow as the request named it.
     */
    static void requireFlow(AppClient client, String explicitAuthFlow, String flow) {
        if (!client.allows(explicitAuthFlow)) throw CognitoError.invalidParameter(flow + " flow not enabled for this client");
    }

    /** The request's context, through its app client: a sign-in's tokens are that client's. */
    static RequestContext through(AppClient client, RequestContext context) {
        return context.throughClient(client.clientId());
    }

    void requireUserPool(CognitoRequest request) {
        String poolId = request.required("UserPoolId");
        if (!settings.userPoolId().equals(poolId)) {
            throw new CognitoError("ResourceNotFoundException", "User pool " + poolId + " does not exist.");
        }
    }

    /**
     * With a client secret, {@code sent} must be base64(HMAC-SHA256(secret, username ‖ client id)) for
     * one of {@code usernames} (the name in the request, or another name of the same user).
     */
    static void requireSecretHash(AppClient client, Optional<String> sent, String... usernames) {
        if (client.secret().isEmpty()) return;
        if (sent.isEmpty()) {
            throw CognitoError.notAuthorized("Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received");
        }
        byte[] given = sent.get().getBytes(StandardCharsets.US_ASCII);
        for (String username : usernames) {
            if (username != null && MessageDigest.isEqual(given, secretHash(client, username).getBytes(StandardCharsets.US_ASCII))) return;
        }
        throw CognitoError.notAuthorized("Unable to verify secret hash for client " + client.clientId());
    }

    /** RevokeToken names the secret itself, not a hash: required, and right, when the client has one. */
    static void requireClientSecret(AppClient client, Optional<String> sent) {
        if (client.secret().isEmpty()) return;
        byte[] expected = client.secret().get().getBytes(StandardCharsets.UTF_8);
        if (sent.isEmpty() || !MessageDigest.isEqual(expected, sent.get().getBytes(StandardCharsets.UTF_8))) {
            throw CognitoError.notAuthorized("Client " + client.clientId() + " is configured with secret but the ClientSecret is missing or wrong");
        }
    }

    /**
     * Admin operations are IAM-signed on AWS; this server does not check signatures, so it takes them
     * only where {@code USERPOOL_POOL_ADMIN} allows — by default ({@code loopback}) from the local
     * callers of {@code USERPOOL_LOCAL_NETWORKS}, like every local-only door — and never from a web page
     * (a request with an {@code Origin} header): a page on another site must not reach them through the
     * visitor's browser.
     */
    void requireAdminCaller(Context ctx, String operation) {
        PoolApiSettings.AdminCallers allowed = settings.adminCallers();
        String why = null;
        if (allowed == PoolApiSettings.AdminCallers.NOBODY) {
            why = "admin operations are turned off (USERPOOL_POOL_ADMIN=off)";
        } else if (ctx.header("Origin") != null) {
            why = "admin operations are not accepted from web pages";
        } else if (allowed == PoolApiSettings.AdminCallers.LOCAL) {
            why = callers.refusal(ctx).map(r -> "admin operations are accepted only from this machine"
                    + " (USERPOOL_POOL_ADMIN=loopback, USERPOOL_LOCAL_NETWORKS), and " + r).orElse(null);
        }
        if (why != null) {
            throw new CognitoError("AccessDeniedException", "Not authorized to perform cognito-idp:" + operation + " on "
                    + settings.userPoolId() + ": " + why + ".");
        }
    }

    private static String secretHash(AppClient client, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(client.secret().orElseThrow().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update(client.clientId().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
