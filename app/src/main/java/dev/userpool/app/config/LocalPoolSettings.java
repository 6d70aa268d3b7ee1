package dev.userpool.app.config;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the embedded pool presents itself to Cognito clients: its pool id ({@code USERPOOL_POOL_ID},
 * default {@code local_Userpool1}; the region is the part before {@code _}, SRP hashes the part after
 * it), its app client ({@code USERPOOL_CLIENT_ID}, default {@value #DEFAULT_CLIENT_ID},
 * with {@code USERPOOL_CLIENT_SECRET} when the client is to have a secret, checked through
 * {@code SECRET_HASH}), whether it keeps SRP verifiers and answers {@code USER_SRP_AUTH}
 * ({@code USERPOOL_SRP}, default on), and from where the admin operations of its Cognito API are
 * accepted ({@code USERPOOL_POOL_ADMIN}: {@code loopback}, the default, meaning the callers of
 * {@code USERPOOL_LOCAL_NETWORKS} as for every local-only door; {@code any} or {@code off}), and
 * whether its app client allows server-side sign-in with AdminInitiateAuth's {@code ADMIN_USER_PASSWORD_AUTH}
 * ({@code USERPOOL_ADMIN_USER_PASSWORD_AUTH}, default on: Cognito's {@code ALLOW_ADMIN_USER_PASSWORD_AUTH}).
 * The client secret never prints. {@code USERPOOL_POOL_FILE} names a JSON file of the pool's app clients
 * and resource servers, applied at each start-up (issue 15).
 */
public record LocalPoolSettings(String userPoolId, String clientId, Optional<String> clientSecret, boolean srp,
                                AdminCalls adminCalls, boolean adminUserPasswordAuth, Optional<java.nio.file.Path> poolFile) {
    public static final String DEFAULT_POOL_ID = "local_Userpool1";
    public static final String DEFAULT_CLIENT_ID = "userpool-local";
    // Cognito's patterns for a pool id and an app client id ('-' allowed too: the embedded default has one)
    private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+-]{1,128}");

    /**
     * Where the pool's admin operations (AdminGetUser, ListUsers, …) are accepted from. On AWS they are
     * IAM-signed; here they are not checked, so by default only callers on this machine may use them:
     * {@code LOOPBACK} means the networks of {@code USERPOOL_LOCAL_NETWORKS} (the name stays for the
     * setting's sake; by default those are the loopback addresses).
     */
    public enum AdminCalls { LOOPBACK, ANY, OFF }

    public static LocalPoolSettings from(Environment env) {
        String poolId = env.get("USERPOOL_POOL_ID", DEFAULT_POOL_ID);
        if (!USER_POOL_ID.matcher(poolId).matches()) {
            throw new InvalidSettingsException("USERPOOL_POOL_ID=" + poolId
                    + " is not understood: expected a user pool id like local_Userpool1 (region, '_', letters and digits).");
        }
        String clientId = env.get("USERPOOL_CLIENT_ID", DEFAULT_CLIENT_ID);
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new InvalidSettingsException("USERPOOL_CLIENT_ID=" + clientId
                    + " is not understood: expected 1 to 128 letters, digits, '_', '+' or '-'.");
        }
        return new LocalPoolSettings(poolId, clientId, env.get("USERPOOL_CLIENT_SECRET"), env.flag("USERPOOL_SRP", true),
                env.choice("USERPOOL_POOL_ADMIN", AdminCalls.class, AdminCalls.LOOPBACK),
                env.flag("USERPOOL_ADMIN_USER_PASSWORD_AUTH", true),
                env.get("USERPOOL_POOL_FILE").filter(f -> !f.isBlank()).map(java.nio.file.Path::of));
    }

    /** The part before {@code _}: what Cognito clients take for the region. */
    public String region() {
        return userPoolId.substring(0, userPoolId.indexOf('_'));
    }

    /**
     * The {@code iss} of the pool's tokens: the public base URL followed by the pool id, just as
     * Cognito's are {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}. A Cognito client given
     * this server as its endpoint expects exactly that, and finds the keys at {@code {iss}/.well-known/jwks.json}.
     */
    public URI issuer(URI baseUrl) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + "/" + userPoolId);
    }

    @Override
    public String toString() {
        return "LocalPoolSettings[userPoolId=" + userPoolId + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isPresent() ? "***" : "none") + ", srp=" + srp + ", adminCalls=" + adminCalls
                + ", adminUserPasswordAuth=" + adminUserPasswordAuth + ", poolFile=" + poolFile + "]";
    }
}
