package dev.userpool.cognito;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * Builds a {@link CognitoIdentityProviderClient} for the tests' stubs and emulators, set up as the
 * app's wiring sets up the one the directory, the authenticator and the token verifier share (there,
 * {@code AwsClients} with {@code CognitoModule.LIMITS}): explicit timeouts for each attempt and for
 * the whole call, and the SDK's standard retry strategy (3 attempts with jittered backoff; throttling,
 * 5xx and I/O errors retried). Whatever still fails after that becomes {@code ServiceUnavailable} in
 * {@link CognitoSdkFailures}.
 */
public final class CognitoClients {
    private CognitoClients() {}

    /**
     * How long to wait: for a connection, for one attempt (one HTTP exchange) and for a whole call with
     * its retries. Sign-in with SRP makes two calls.
     */
    public record Timeouts(Duration connect, Duration attempt, Duration apiCall) {
        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(apiCall, "apiCall");
            if (attempt.compareTo(apiCall) > 0) throw new IllegalArgumentException("an attempt cannot outlast the call");
        }

        /** Cognito answers in well under a second; an attempt that takes 5 s has failed. */
        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(12));
        }
    }

    /** The shared client; close it once, when the service stops. */
    public static CognitoIdentityProviderClient build(CognitoPool pool, AwsCredentialsProvider credentials, Timeouts timeouts) {
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(pool.region()))
                .credentialsProvider(credentials)
                // built by the SDK from this builder, so closing the client closes its connections too
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.attempt()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.apiCall())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .build());
        pool.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The credentials for the admin calls: the SDK's default chain (environment, profile, container or
     * instance role), except for an emulator on this machine when the environment names no credentials,
     * where fixed dummy ones let the SDK sign requests that nobody checks.
     */
    public static AwsCredentialsProvider credentials(CognitoPool pool, boolean credentialsInEnvironment) {
        if (!credentialsInEnvironment && pool.endpoint().filter(CognitoClients::isLoopback).isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Whether {@code endpoint} names this machine (localhost, 127.0.0.0/8, ::1), without asking DNS. */
    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) return false;
        if (host.equalsIgnoreCase("localhost")) return true;
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) return false;   // a name: only "localhost" counts
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();   // a literal address: no lookup happens
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
