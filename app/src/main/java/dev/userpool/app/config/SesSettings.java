package dev.userpool.app.config;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserPoolException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of {@code USERPOOL_EMAIL=ses}: the verified address mail comes from, the SES custom
 * verification template's name, an optional endpoint (an emulator or stub), the Region, the pace of the
 * once-a-second SES operations, and where SES sends a person after the link (derived from
 * {@code USERPOOL_BASE_URL}: {@code /verified.html}, and {@code /verified.html?failed=1} on failure).
 *
 * @param ratePerSecond    SES's rate-limited calls per second: the account's, shared by every replica through
 *                         the DynamoDB audit table when DynamoDB holds the audit trail; else this process's
 * @param localCredentials use fixed dummy credentials: the endpoint is on this machine and the
 *                         environment names no AWS credentials, so nothing real is signed
 * @param fallbackShare    the part of the rate a replica takes alone while DynamoDB cannot be reached
 */
public record SesSettings(EmailAddress from, String templateName, Optional<URI> endpoint, Optional<String> region,
                          double ratePerSecond, int queueCapacity, URI successRedirect, URI failureRedirect,
                          boolean localCredentials, double fallbackShare) {
    public static final double DEFAULT_FALLBACK_SHARE = 0.5;
    public static final String DEFAULT_TEMPLATE = "userpool-verification";
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static SesSettings from(Settings settings) {
        Environment env = settings.environment();
        EmailAddress from = fromAddress(env.required("USERPOOL_SES_FROM", "when USERPOOL_EMAIL=ses"));
        String template = settings.verification() == Settings.VerificationChoice.LINK
                ? env.required("USERPOOL_SES_TEMPLATE", "when USERPOOL_EMAIL=ses and USERPOOL_VERIFICATION=link")
                : env.get("USERPOOL_SES_TEMPLATE", DEFAULT_TEMPLATE);
        if (!TEMPLATE_NAME.matcher(template).matches()) {
            throw new InvalidSettingsException("USERPOOL_SES_TEMPLATE=" + template
                    + " is not understood: expected 1 to 64 letters, digits, '-' or '_'.");
        }
        Optional<URI> endpoint = AwsEndpoint.read(env, "USERPOOL_SES_ENDPOINT", "http://127.0.0.1:8005");
        double rate = rate(env.get("USERPOOL_SES_RATE", "1"));
        int queue = env.integer("USERPOOL_SES_QUEUE", 10, 1, 1000);
        String base = settings.baseUrl().toString();
        boolean local = AwsEndpoint.localCredentials(endpoint, env);
        double share = share(env.get("USERPOOL_SES_FALLBACK_SHARE", Double.toString(DEFAULT_FALLBACK_SHARE)));
        return new SesSettings(from, template, endpoint, env.get("AWS_REGION"), rate, queue,
                URI.create(base + "/verified.html"), URI.create(base + "/verified.html?failed=1"), local, share);
    }

    /** SES's custom verification templates take a bare address: no display name. */
    private static EmailAddress fromAddress(String raw) {
        try {
            return new EmailAddress(raw);
        } catch (UserPoolException e) {
            throw new InvalidSettingsException("USERPOOL_SES_FROM=" + raw + " is not understood: expected a bare"
                    + " address verified in SES, like no-reply@example.com (no display name).");
        }
    }

    private static double rate(String raw) {
        try {
            double rate = Double.parseDouble(raw);
            if (!(rate > 0) || rate > 100) throw new NumberFormatException();
            return rate;
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("USERPOOL_SES_RATE=" + raw + " is not understood: expected sends per"
                    + " second above 0 and at most 100, like 1 (SES's limit) or 0.5.");
        }
    }

    private static double share(String raw) {
        try {
            double share = Double.parseDouble(raw);
            if (!(share > 0) || share > 1) throw new NumberFormatException();
            return share;
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("USERPOOL_SES_FALLBACK_SHARE=" + raw + " is not understood: expected the"
                    + " part of USERPOOL_SES_RATE a replica takes alone while DynamoDB is unreachable, above 0 and at most 1,"
                    + " like 0.5 (two replicas).");
        }
    }

    /** Whether the endpoint is an emulator or stub on this machine. */
    public boolean endpointIsLoopback() {
        return endpoint.map(AwsEndpoint::isLoopback).orElse(false);
    }
}
