package dev.userpool.app.http.cognito;

import java.util.Optional;

/**
 * How the local pool's Cognito API presents itself: its pool id (the region is the part before
 * {@code _}), its app client with the secret {@code SECRET_HASH} is checked against when it has one,
 * whether it answers {@code USER_SRP_AUTH}, and who may call its admin operations. The wiring builds it from the app's settings; the secret never prints.
 * {@code adminUserPasswordAuth}: whether AdminInitiateAuth answers {@code ADMIN_USER_PASSWORD_AUTH}, as an app
 * client with Cognito's {@code ALLOW_ADMIN_USER_PASSWORD_AUTH} does.
 */
public record PoolApiSettings(String userPoolId, String clientId, Optional<String> clientSecret, boolean srp,
                              AdminCallers adminCallers, boolean adminUserPasswordAuth) {

    /** Who may call the admin operations, which are IAM-signed on AWS and not checked here. */
    public enum AdminCallers {
        /** The local callers ({@code USERPOOL_POOL_ADMIN=loopback}, the default): as every local-only door. */
        LOCAL,
        /** Any caller on any network, never a web page ({@code USERPOOL_POOL_ADMIN=any}). */
        ANY,
        /** Nobody ({@code USERPOOL_POOL_ADMIN=off}). */
        NOBODY
    }

    /** The part before {@code _}: what Cognito clients take for the region. */
    public String region() {
        return userPoolId.substring(0, userPoolId.indexOf('_'));
    }

    @Override
    public String toString() {
        return "PoolApiSettings[userPoolId=" + userPoolId + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isPresent() ? "***" : "none") + ", srp=" + srp + ", adminCallers=" + adminCallers
                + ", adminUserPasswordAuth=" + adminUserPasswordAuth + "]";
    }
}
