package dev.userpool.smtp;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail server the app hands its messages to, and how it talks to it.
 *
 * @param security       {@link Security#STARTTLS} (port 587, usually), {@link Security#TLS} (implicit TLS,
 *                       port 465), or {@link Security#NONE}, which is allowed only for a server on this
 *                       machine: anywhere else the login and the codes would cross the network in clear
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for each reply (and each write)
 */
public record SmtpRelay(String host, int port, Security security, Optional<SmtpLogin> login, Duration connectTimeout,
                        Duration readTimeout) {
    public enum Security { STARTTLS, TLS, NONE }

    public SmtpRelay {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (host.isBlank() || !host.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("the SMTP host must be a host name or an IP address");
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("the SMTP port must be from 1 to 65535");
        if (security == Security.NONE && !isLoopback(host)) {
            throw new IllegalArgumentException("plain-text SMTP is allowed only to this machine (localhost, 127.0.0.1, ::1), not to "
                    + host);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the SMTP time-outs must be positive");
        }
    }

    /** With the usual time-outs: 10 s to connect, 30 s for each reply. */
    public static SmtpRelay of(String host, int port, Security security, Optional<SmtpLogin> login) {
        return new SmtpRelay(host, port, security, login, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** Whether {@code host} names this machine by itself: {@code localhost}, 127.0.0.0/8 or ::1 (no name lookup). */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public String toString() {
        return "SmtpRelay[" + host + ":" + port + ", " + security.name().toLowerCase(Locale.ROOT)
                + login.map(l -> ", login " + l.username()).orElse("") + "]";
    }
}
