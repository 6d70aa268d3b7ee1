package dev.userpool.app.config;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserPoolException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the app is told from outside, read from {@code USERPOOL_*} environment variables with
 * embedded defaults. A value it does not understand stops start-up with a message naming it.
 */
public record Settings(int port, String bindHost, Path dataDir, URI baseUrl, Set<EmailAddress> adminEmails,
                       DirectoryChoice directory, EmailChoice email, AuditChoice audit,
                       VerificationChoice verification, boolean logCodes, boolean preventUserExistenceErrors,
                       int hashConcurrency, Map<String, String> variables) {

    /** Which adapter serves each port. Only what this build can really run is listed. */
    public enum DirectoryChoice { EMBEDDED, COGNITO }
    public enum EmailChoice { EMBEDDED, SES, SMTP }
    public enum AuditChoice { EMBEDDED, DYNAMODB }
    public enum VerificationChoice { CODE, LINK }

    public Settings {
        adminEmails = Set.copyOf(adminEmails);
        variables = Map.copyOf(variables);
    }

    /** All variables, for the settings of the adapter chosen (e.g. the Cognito pool id). */
    public Environment environment() {
        return new Environment(variables);
    }

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> variables) {
        Environment env = new Environment(variables);
        // Logging was set up before settings are read (falling back to text); a bad value still stops start-up here.
        LogFormat.from(env);
        int port = env.integer("USERPOOL_PORT", 8080, 0, 65535);
        String host = env.get("USERPOOL_BIND", "0.0.0.0");
        Path dataDir = Path.of(env.get("USERPOOL_DATA_DIR", "./data")).toAbsolutePath().normalize();
        URI baseUrl = baseUrl(env.get("USERPOOL_BASE_URL", "http://localhost:" + (port == 0 ? 8080 : port)));
        return new Settings(port, host, dataDir, baseUrl, adminEmails(env.get("USERPOOL_ADMIN_EMAILS", "")),
                env.choice("USERPOOL_DIRECTORY", DirectoryChoice.class, DirectoryChoice.EMBEDDED),
                env.choice("USERPOOL_EMAIL", EmailChoice.class, EmailChoice.EMBEDDED),
                env.choice("USERPOOL_AUDIT", AuditChoice.class, AuditChoice.EMBEDDED),
                env.choice("USERPOOL_VERIFICATION", VerificationChoice.class, VerificationChoice.CODE),
                env.flag("USERPOOL_LOG_CODES", false),
                env.flag("USERPOOL_PREVENT_USER_EXISTENCE_ERRORS", true),
                env.integer("USERPOOL_HASH_CONCURRENCY", Runtime.getRuntime().availableProcessors(), 1, 256),
                variables);
    }

    /** The same settings with the base URL the server really listens on (when the port was chosen at start). */
    public Settings withBaseUrl(URI url) {
        return new Settings(port, bindHost, dataDir, url, adminEmails, directory, email, audit, verification,
                logCodes, preventUserExistenceErrors, hashConcurrency, variables);
    }

    /** Without the raw variables: they may hold secrets (client secrets, AWS keys). */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", bind=" + bindHost + ", dataDir=" + dataDir + ", baseUrl=" + baseUrl
                + ", directory=" + directory + ", email=" + email + ", audit=" + audit + ", verification=" + verification
                + ", admins=" + adminEmails.size() + "]";
    }

    /**
     * Whether a port is served from the SQLite database in the data directory (the embedded mode, whole
     * or in part: the embedded directory, the outbox of the embedded or SMTP email, the embedded audit
     * trail). With Cognito, SES and DynamoDB the directory holds only the audit spool.
     */
    public boolean usesEmbeddedDatabase() {
        return directory == DirectoryChoice.EMBEDDED || email != EmailChoice.SES || audit == AuditChoice.EMBEDDED;
    }

    public Path databaseFile() {
        return dataDir.resolve("userpool.db");
    }

    private static URI baseUrl(String raw) {
        try {
            URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("USERPOOL_BASE_URL=" + raw
                    + " is not understood: expected an http(s) URL like https://auth.example.com.");
        }
    }

    private static Set<EmailAddress> adminEmails(String raw) {
        Set<EmailAddress> emails = new LinkedHashSet<>();
        for (String part : Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            try {
                emails.add(new EmailAddress(part));
            } catch (UserPoolException e) {
                throw new InvalidSettingsException("USERPOOL_ADMIN_EMAILS has '" + part
                        + "', which is not an email address: expected addresses separated by commas.");
            }
        }
        return emails;
    }
}
