package dev.userpool.app.config;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Cognito, SES and DynamoDB settings read alike: an endpoint in place of AWS's
 * ({@code USERPOOL_*_ENDPOINT}, an emulator or stub), whether it is on this machine, and whether the
 * environment names AWS credentials. An endpoint on this machine with no credentials in the
 * environment gets fixed dummy ones, so nothing real is ever signed for an emulator.
 */
final class AwsEndpoint {
    /** Where the SDK's default chain would find credentials in the environment. */
    private static final List<String> CREDENTIAL_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_PROFILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI");

    private AwsEndpoint() {}

    /**
     * The http(s) URL in {@code variable}, if it is set; anything else stops start-up with a message
     * naming the variable and showing {@code example}.
     */
    static Optional<URI> read(Environment env, String variable, String example) {
        return env.get(variable).map(raw -> parse(variable, raw, example));
    }

    private static URI parse(String variable, String raw, String example) {
        try {
            URI uri = URI.create(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) throw new IllegalArgumentException();
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(variable + "=" + raw
                    + " is not understood: expected an http(s) URL like " + example + ".");
        }
    }

    /**
     * Whether {@code endpoint} names this machine: {@code localhost} or a loopback address literal.
     * By the literal host only: a name that resolves to 127.0.0.1 today may resolve elsewhere tomorrow.
     */
    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return host.equalsIgnoreCase("localhost")
                || AddressLiteral.parse(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    static boolean credentialsInEnvironment(Environment env) {
        return CREDENTIAL_VARIABLES.stream().anyMatch(v -> env.get(v).isPresent());
    }

    /** Dummy credentials: the endpoint is on this machine and the environment names no real ones. */
    static boolean localCredentials(Optional<URI> endpoint, Environment env) {
        return endpoint.map(AwsEndpoint::isLoopback).orElse(false) && !credentialsInEnvironment(env);
    }
}
