package dev.userpool.ses;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userpool.core.domain.EmailAddress;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Real SES for the {@code -Plive-aws} tests, which skip themselves unless AWS credentials (the SDK's
 * default chain), {@code AWS_REGION} and {@code USERPOOL_SES_LIVE_FROM} (an address or an address on a
 * domain verified in that Region) are set. {@code USERPOOL_SES_LIVE_TO} is where mail goes; by default
 * SES's mailbox simulator, which accepts everything and delivers nothing.
 */
final class LiveSes implements AutoCloseable {
    static final String SIMULATOR_SUCCESS = "success@simulator.amazonses.com";

    final EmailAddress from;
    final String to;
    final SdkHttpClient http;
    final SesV2Client client;

    private LiveSes(EmailAddress from, String to, Region region) {
        this.from = from;
        this.to = to;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(20)).build();
        this.client = SesV2Client.builder().region(region).httpClient(http)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)).apiCallAttemptTimeout(Duration.ofSeconds(10)))
                .build();
    }

    /** Real SES, or the test is skipped with the reason. */
    static LiveSes open() {
        Optional<String> from = env("USERPOOL_SES_LIVE_FROM");
        Optional<String> region = env("AWS_REGION");
        assumeTrue(from.isPresent(), "USERPOOL_SES_LIVE_FROM (a verified from-address) is not set");
        assumeTrue(region.isPresent(), "AWS_REGION is not set");
        boolean credentials;
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            chain.resolveCredentials();
            credentials = true;
        } catch (RuntimeException none) {
            credentials = false;
        }
        assumeTrue(credentials, "no AWS credentials in the SDK's default chain");
        return new LiveSes(new EmailAddress(from.get()), env("USERPOOL_SES_LIVE_TO").orElse(SIMULATOR_SUCCESS),
                Region.of(region.get()));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public void close() {
        client.close();
        http.close();
    }
}
