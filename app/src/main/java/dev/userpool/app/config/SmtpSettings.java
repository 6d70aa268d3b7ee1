package dev.userpool.app.config;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserPoolException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of {@code USERPOOL_EMAIL=smtp}: the server ({@code USERPOOL_SMTP_HOST}, {@code _PORT},
 * {@code _TLS}), the login ({@code _USERNAME}, {@code _PASSWORD}), the sender ({@code _FROM}) and the
 * outbox's retry timing ({@code _RETRY_FIRST}, {@code _RETRY_MAX}). {@link #toString()} leaves the
 * password out.
 */
public record SmtpSettings(String host, int port, Security security, Optional<Login> login, EmailAddress from,
                           Duration retryFirst, Duration retryMax) {
    /** How the connection is protected: STARTTLS (587), TLS from the start (465), or none (this machine only). */
    public enum Security { STARTTLS, TLS, NONE }

    /** The mail server's login; the password never prints. */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + ", ***]";
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    public static SmtpSettings from(Settings settings) {
        Environment env = settings.environment();
        String host = env.required("USERPOOL_SMTP_HOST", "when USERPOOL_EMAIL=smtp");
        // The SMTP adapter refuses these as well; here they are named by their variables, before anything starts.
        if (host.isBlank() || !host.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new InvalidSettingsException("USERPOOL_SMTP_HOST=" + host
                    + " is not understood: the SMTP host must be a host name or an IP address.");
        }
        Security security = env.choice("USERPOOL_SMTP_TLS", Security.class, Security.STARTTLS);
        if (security == Security.NONE && !isLoopback(host)) {
            throw new InvalidSettingsException("USERPOOL_SMTP_TLS=none is allowed only when USERPOOL_SMTP_HOST is this machine"
                    + " (localhost, 127.0.0.1, ::1), not " + host + ": the login and the codes would cross the network in clear."
                    + " Use USERPOOL_SMTP_TLS=starttls (port 587) or tls (port 465).");
        }
        int port = env.integer("USERPOOL_SMTP_PORT", defaultPort(security), 1, 65535);
        Optional<String> username = env.get("USERPOOL_SMTP_USERNAME");
        // The password is taken as given (spaces included); only an absent or empty one counts as missing.
        Optional<String> password = Optional.ofNullable(settings.variables().get("USERPOOL_SMTP_PASSWORD")).filter(p -> !p.isEmpty());
        if (username.isPresent() != password.isPresent()) {
            throw new InvalidSettingsException((username.isPresent() ? "USERPOOL_SMTP_PASSWORD" : "USERPOOL_SMTP_USERNAME")
                    + " is required when " + (username.isPresent() ? "USERPOOL_SMTP_USERNAME" : "USERPOOL_SMTP_PASSWORD")
                    + " is set: give both to sign in to the mail server, or neither.");
        }
        Optional<Login> login = username.map(u -> new Login(u, password.get()));
        EmailAddress from = fromAddress(env.required("USERPOOL_SMTP_FROM", "when USERPOOL_EMAIL=smtp"));
        Duration first = duration(env, "USERPOOL_SMTP_RETRY_FIRST", Duration.ofSeconds(5));
        Duration max = duration(env, "USERPOOL_SMTP_RETRY_MAX", Duration.ofSeconds(60));
        if (max.compareTo(first) < 0) {
            throw new InvalidSettingsException("USERPOOL_SMTP_RETRY_MAX (" + max.toMillis() + " ms) is shorter than"
                    + " USERPOOL_SMTP_RETRY_FIRST (" + first.toMillis() + " ms): the back-off grows from the first to the most.");
        }
        return new SmtpSettings(host, port, security, login, from, first, max);
    }

    /** Whether {@code host} names this machine by itself: {@code localhost}, 127.0.0.0/8 or ::1 (no name lookup). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static int defaultPort(Security security) {
        return switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        };
    }

    private static EmailAddress fromAddress(String raw) {
        try {
            return new EmailAddress(raw);
        } catch (UserPoolException e) {
            throw new InvalidSettingsException("USERPOOL_SMTP_FROM=" + raw + " is not understood: expected a bare address"
                    + " the mail server lets the app send from, like no-reply@example.com (no display name).");
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m}, or ISO-8601 like {@code PT5S}; positive, at most an hour. */
    static Duration duration(Environment env, String name, Duration fallback) {
        Optional<String> raw = env.get(name);
        if (raw.isEmpty()) return fallback;
        Duration d = null;
        Matcher m = DURATION.matcher(raw.get().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                d = Duration.parse(raw.get().toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException ignored) {
                // reported below
            }
        }
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(LONGEST_RETRY) > 0) {
            throw new InvalidSettingsException(name + "=" + raw.get() + " is not understood: expected a time above zero and"
                    + " at most an hour, like 500ms, 5s or 1m.");
        }
        return d;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security.name().toLowerCase(Locale.ROOT)
                + login.map(l -> ", login " + l.username()).orElse("") + ", from " + from + ", retry after " + retryFirst.toMillis() + " ms up to "
                + retryMax.toMillis() + " ms]";
    }
}
