package dev.userpool.app.config;

import java.net.URI;
import java.nio.file.Path;
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

    public static DynamoDbSettings from(Settings settings) {
        Environment env = settings.environment();
        String table = env.required("USERPOOL_DYNAMODB_TABLE", "when USERPOOL_AUDIT=dynamodb");
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new InvalidSettingsException("USERPOOL_DYNAMODB_TABLE=" + table
                    + " is not understood: expected 3 to 255 letters, digits, '_', '-' or '.'.");
        }
        Optional<URI> endpoint = AwsEndpoint.read(env, "USERPOOL_DYNAMODB_ENDPOINT", "http://127.0.0.1:4567");
        Path spool = env.get("USERPOOL_DYNAMODB_SPOOL_DIR").map(Path::of).orElse(settings.dataDir().resolve("audit-spool"))
                .toAbsolutePath().normalize();
        Optional<String> region = env.get("AWS_REGION");
        if (region.isPresent() && !REGION.matcher(region.get()).matches()) {
            throw new InvalidSettingsException("AWS_REGION=" + region.get()
                    + " is not understood: expected a Region code like eu-west-1.");
        }
        boolean local = AwsEndpoint.localCredentials(endpoint, env);
        return new DynamoDbSettings(table, endpoint,
                env.flag("USERPOOL_DYNAMODB_CREATE_TABLE", false), spool,
                env.integer("USERPOOL_AUDIT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, 36_500),
                region, local);
    }

    /** Whether the endpoint is on this machine: an emulator, never a real AWS endpoint. */
    public boolean endpointIsLoopback() {
        return endpoint.map(AwsEndpoint::isLoopback).orElse(false);
    }
}
