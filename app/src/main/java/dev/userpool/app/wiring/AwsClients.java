package dev.userpool.app.wiring;

import dev.userpool.app.config.InvalidSettingsException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How the Cognito, SES and DynamoDB modules build their AWS SDK client, alike: a URL-connection HTTP
 * client, a timeout for each attempt and for the whole call, the SDK's standard retry strategy with a
 * number of attempts, the Region, an endpoint in place of AWS's (an emulator or stub), and the
 * credentials: the SDK's default chain, or fixed dummy ones for an emulator on this machine when the
 * environment names none (SigV4 needs some key, and no real one should be sent there). What differs
 * between the services — their {@link Limits}, where their Region comes from — each module passes in.
 */
final class AwsClients {
    private AwsClients() {}

    /**
     * How long to wait — for a connection, for one attempt (one HTTP exchange; also the socket's read
     * timeout), for a whole call with its retries — and how many attempts a call gets.
     */
    record Limits(Duration connect, Duration attempt, Duration apiCall, int maxAttempts) {
        Limits {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(apiCall, "apiCall");
            if (attempt.compareTo(apiCall) > 0) throw new IllegalArgumentException("an attempt cannot outlast the call");
            if (maxAttempts < 1) throw new IllegalArgumentException("a call needs at least one attempt");
        }
    }

    /** Where and how one service's client connects. */
    record Connection(Region region, Optional<URI> endpoint, boolean localCredentials, Limits limits) {
        Connection {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(limits, "limits");
        }
    }

    /**
     * The client {@code builder} builds with {@code connection}; the client, its HTTP client and its
     * credentials provider are closed with {@code resources} (the SDK leaves what it was given open).
     */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C build(
            B builder, Connection connection, OpenedResources resources) {
        Limits limits = connection.limits();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(limits.connect())
                .socketTimeout(limits.attempt())
                .build();
        resources.opened(http);
        AwsCredentialsProvider credentials = credentials(connection.localCredentials());
        if (credentials instanceof AutoCloseable closeable) resources.opened(closeable);
        builder.httpClient(http)
                .region(connection.region())
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(limits.attempt())
                        .apiCallTimeout(limits.apiCall())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(limits.maxAttempts()).build()));
        connection.endpoint().ifPresent(builder::endpointOverride);
        C client = builder.build();
        resources.opened(client);
        return client;
    }

    /**
     * The Region set ({@code AWS_REGION}); for an emulator on this machine, any (it is only signed
     * with); otherwise the SDK's chain (the AWS profile), and without one start-up stops, saying
     * {@code whyRequired}. The chain is never asked for an emulator: it would look for an
     * instance-metadata service.
     */
    static Region region(Optional<String> set, boolean endpointIsLoopback, String whyRequired) {
        if (set.isPresent()) return Region.of(set.get());
        if (endpointIsLoopback) return Region.US_EAST_1;
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new InvalidSettingsException(whyRequired);
        }
    }

    private static AwsCredentialsProvider credentials(boolean local) {
        if (local) return StaticCredentialsProvider.create(AwsBasicCredentials.create("userpool-local", "userpool-local"));
        return DefaultCredentialsProvider.builder().build();
    }
}
