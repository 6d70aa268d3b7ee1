package dev.userpool.app.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of {@code USERPOOL_DIRECTORY=cognito}: the user pool ({@code USERPOOL_COGNITO_USER_POOL_ID},
 * in {@code AWS_REGION}), its app client ({@code USERPOOL_COGNITO_CLIENT_ID}, and
 * {@code USERPOOL_COGNITO_CLIENT_SECRET} when the client has one), how passwords are proven
 * ({@code USERPOOL_COGNITO_AUTH_FLOW}: {@code USER_SRP_AUTH}, the default, {@code USER_PASSWORD_AUTH} or {@code ADMIN_USER_PASSWORD_AUTH})
 * and, for an emulator, {@code USERPOOL_COGNITO_ENDPOINT}. Missing ones stop start-up, all named at once.
 * The client secret never prints.
 *
 * @param credentialsInEnvironment whether the environment names AWS credentials; without them an
 *                                 endpoint on this machine gets dummy ones (nothing real is signed)
 */
public record CognitoSettings(String region, String userPoolId, String clientId, Optional<String> clientSecret,
                              AuthFlow flow, Optional<URI> endpoint, boolean credentialsInEnvironment) {
    /** How a password is proven to Cognito: by an SRP proof (the password stays here) or by sending it. */
    public enum AuthFlow { USER_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH }

    static final String BECAUSE = "when USERPOOL_DIRECTORY=cognito";
    // Cognito's own pattern for a pool id; on AWS the part before '_' is the pool's region
    private static final Pattern USER_POOL_ID = Pattern.compile("([\\w-]+)_[0-9a-zA-Z]+");
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    public static CognitoSettings from(Environment env) {
        Optional<String> poolId = env.get("USERPOOL_COGNITO_USER_POOL_ID");
        Optional<String> clientId = env.get("USERPOOL_COGNITO_CLIENT_ID");
        Optional<URI> endpoint = AwsEndpoint.read(env, "USERPOOL_COGNITO_ENDPOINT", "http://127.0.0.1:9229");
        Optional<Matcher> poolIdParts = poolId.map(USER_POOL_ID::matcher).filter(Matcher::matches);
        if (poolId.isPresent() && poolIdParts.isEmpty()) {
            throw new InvalidSettingsException("USERPOOL_COGNITO_USER_POOL_ID=" + poolId.get()
                    + " is not understood: expected a user pool id like eu-west-1_AbCdEf123.");
        }
        // The pool id names its region; AWS_REGION may be left out then.
        Optional<String> poolRegion = poolIdParts.map(m -> m.group(1)).filter(r -> AWS_REGION.matcher(r).matches());
        Optional<String> region = env.get("AWS_REGION").or(() -> poolRegion);

        List<String> missing = new ArrayList<>();
        if (poolId.isEmpty()) missing.add("USERPOOL_COGNITO_USER_POOL_ID");
        if (clientId.isEmpty()) missing.add("USERPOOL_COGNITO_CLIENT_ID");
        if (region.isEmpty()) missing.add("AWS_REGION");
        if (!missing.isEmpty()) {
            throw new InvalidSettingsException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " required " + BECAUSE + ".");
        }
        if (endpoint.isEmpty() && poolRegion.isPresent() && !poolRegion.get().equals(region.get())) {
            throw new InvalidSettingsException("USERPOOL_COGNITO_USER_POOL_ID=" + poolId.get() + " is a pool in "
                    + poolRegion.get() + ", but AWS_REGION=" + region.get() + ": they must agree.");
        }
        AuthFlow flow = env.choice("USERPOOL_COGNITO_AUTH_FLOW", AuthFlow.class, AuthFlow.USER_SRP_AUTH);
        boolean credentials = AwsEndpoint.credentialsInEnvironment(env);
        return new CognitoSettings(region.get(), poolId.get(), clientId.get(), env.get("USERPOOL_COGNITO_CLIENT_SECRET"),
                flow, endpoint, credentials);
    }

    /** Dummy credentials: the endpoint is on this machine and the environment names no AWS credentials. */
    public boolean localCredentials() {
        return !credentialsInEnvironment && endpoint.map(AwsEndpoint::isLoopback).orElse(false);
    }

    @Override
    public String toString() {
        return "CognitoSettings[region=" + region + ", userPoolId=" + userPoolId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "none") + ", flow=" + flow
                + ", endpoint=" + endpoint.map(URI::toString).orElse("AWS") + "]";
    }
}
