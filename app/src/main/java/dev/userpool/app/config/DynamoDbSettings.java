package dev.userpool.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of {@code USERPOOL_AUDIT=dynamodb}: the table, an optional endpoint (an emulator such
 * as dynalite), whether the app creates the table, where the spool lives, how long events are kept,
 * and the Region.
 *
 * @param spoolDir         where events wait, fsync'd, while DynamoDB cannot take them (by default
 *                         {@code <USERPOOL_DATA_DIR>/audit-spool})
 * @param retentionDays    days after which an event is hidden, and DynamoDB's TTL deletes it
 * @param localCredentials use fixed dummy credentials: the endpoint is on this machine and the
 *                         environment names no AWS credentials, so nothing real is signed
 */
public record DynamoDbSettings(String table, Optional<URI> endpoint, boolean createTable, Path spoolDir,
                               int retentionDays, Optional<String> region, boolean localCredentials) {
    public static final int DEFAULT_RETENTION_DAYS = 400;
    /** DynamoDB's rule for table names. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+");
    /** Where the SDK's default chain would find credentials in the environment. */
    private static final List<String> CREDENTIAL_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_PROFILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI");

    public static DynamoDbSettings from(Settings settings) {
        Environment env = settings.environment();
        String table = env.required("USERPOOL_DYNAMODB_TABLE", "when USERPOOL_AUDIT=dynamodb");
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new InvalidSettingsException("USERPOOL_DYNAMODB_TABLE=" + table
                    + " is not understood: expected 3 to 255 letters, digits, '_', '-' or '.'.");
        }
        Optional<URI> endpoint = env.get("USERPOOL_DYNAMODB_ENDPOINT").map(DynamoDbSettings::endpoint);
        Path spool = env.get("USERPOOL_DYNAMODB_SPOOL_DIR").map(Path::of).orElse(settings.dataDir().resolve("audit-spool"))
                .toAbsolutePath().normalize();
        Optional<String> region = env.get("AWS_REGION");
        if (region.isPresent() && !REGION.matcher(region.get()).matches()) {
            throw new InvalidSettingsException("AWS_REGION=" + region.get()
                    + " is not understood: expected a Region code like eu-west-1.");
        }
        boolean local = endpoint.map(DynamoDbSettings::isLoopback).orElse(false)
                && CREDENTIAL_VARIABLES.stream().noneMatch(v -> env.get(v).isPresent());
        return new DynamoDbSettings(table, endpoint,
                env.flag("USERPOOL_DYNAMODB_CREATE_TABLE", false), spool,
                env.integer("USERPOOL_AUDIT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, 36_500),
                region, local);
    }

    /** Whether the endpoint is on this machine: an emulator, never a real AWS endpoint. */
    public boolean endpointIsLoopback() {
        return endpoint.map(DynamoDbSettings::isLoopback).orElse(false);
    }

    private static URI endpoint(String raw) {
        try {
            URI uri = URI.create(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) throw new IllegalArgumentException();
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("USERPOOL_DYNAMODB_ENDPOINT=" + raw
                    + " is not understood: expected an http(s) URL like http://127.0.0.1:4567.");
        }
    }

    /** By the literal host only: a name that merely resolves to 127.0.0.1 may resolve elsewhere tomorrow. */
    private static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
