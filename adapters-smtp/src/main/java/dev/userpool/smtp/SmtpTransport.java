package dev.userpool.smtp;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.MailTransport;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one {@link EmailMessage} to an SMTP server over a connection of its own, as
 * {@code multipart/alternative} (text, then HTML, both UTF-8), from one configured address, and says
 * what the server made of it: a 5xx reply to the message (sender, recipient or content refused) is
 * {@link MailTransport.Rejected}; a 4xx reply, no connection, a failed TLS handshake or a refused login
 * is {@link MailTransport.Deferred}, since the message itself may well be fine.
 *
 * <p>No header is built from free text but the subject: the addresses are {@link EmailAddress} values
 * (no spaces, no control characters), and the subject loses every control character, CR and LF
 * included, before Jakarta Mail encodes it (RFC 2047) — so nothing a message holds can add a header.
 * The login's password goes only to the server's AUTH exchange; it is cut out of anything reported.
 */
public final class SmtpTransport implements MailTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpTransport.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpRelay relay;
    private final EmailAddress from;
    private final Clock clock;
    private final Session session;
    private final String fromDomain;

    /** Trusting the certificates the JDK trusts. */
    public SmtpTransport(SmtpRelay relay, EmailAddress from, Clock clock) {
        this(relay, from, clock, Optional.empty());
    }

    /** Trusting whom {@code tls} trusts (a private CA, a test certificate); the host name is checked all the same. */
    public SmtpTransport(SmtpRelay relay, EmailAddress from, Clock clock, Optional<SSLSocketFactory> tls) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.from = Objects.requireNonNull(from, "from");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tls, "tls");
        this.fromDomain = from.value().substring(from.value().lastIndexOf('@') + 1);
        this.session = Session.getInstance(properties(relay, fromDomain, tls));
    }

    private static Properties properties(SmtpRelay relay, String ehloName, Optional<SSLSocketFactory> tls) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host(relay));
        p.setProperty("mail.smtp.port", Integer.toString(relay.port()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(relay.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(relay.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(relay.readTimeout().toMillis()));
        // EHLO with the sender's domain rather than whatever a reverse lookup of this machine says.
        p.setProperty("mail.smtp.localhost", ehloName);
        p.setProperty("mail.smtp.auth", Boolean.toString(relay.login().isPresent()));
        switch (relay.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                // Never fall back to plain text when the server does not offer STARTTLS.
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.setProperty("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        if (relay.security() != SmtpRelay.Security.NONE) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            tls.ifPresent(factory -> p.put("mail.smtp.ssl.socketFactory", factory));
        }
        return p;
    }

    private static String host(SmtpRelay relay) {
        String h = relay.host();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    @Override
    public Outcome send(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        MimeMessage mime;
        try {
            mime = compose(message);
        } catch (AddressException e) {
            return new Rejected("the address cannot be sent over SMTP: " + e.getMessage());
        } catch (MessagingException e) {
            return new Rejected("the message could not be composed: " + e.getMessage());
        }
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(host(relay), relay.port(), relay.login().map(SmtpLogin::username).orElse(null),
                    relay.login().map(SmtpLogin::password).orElse(null));
            transport.sendMessage(mime, mime.getAllRecipients());
            String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "";
            return new Accepted(clean(reply.isBlank() ? "accepted" : reply));
        } catch (MessagingException e) {
            Outcome outcome = classify(e);
            LOG.debug("SMTP hand-over to {} ended {}", relay, outcome.getClass().getSimpleName());
            return outcome;
        } finally {
            closeQuietly(transport);
        }
    }

    /** The MIME message: From, To, Date, an encoded Subject, and the two bodies as alternatives. */
    MimeMessage compose(EmailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Angus would look this machine's name up; the sender's domain is what receivers expect anyway.
                setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + fromDomain + ">");
            }
        };
        mime.setFrom(address(from));
        mime.setRecipient(Message.RecipientType.TO, address(message.to()));
        mime.setSentDate(Date.from(clock.instant()));
        mime.setSubject(headerSafe(message.subject()), UTF_8);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.textBody(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.htmlBody(), UTF_8, "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        mime.setContent(alternatives);
        mime.saveChanges();
        return mime;
    }

    /** A bare address, parsed strictly; anything it would add (a display name, a group) is refused. */
    private static InternetAddress address(EmailAddress email) throws AddressException {
        InternetAddress parsed = new InternetAddress(email.value(), true);
        if (parsed.getPersonal() != null || parsed.isGroup() || !email.value().equalsIgnoreCase(parsed.getAddress())) {
            throw new AddressException("not a bare address", email.value());
        }
        return parsed;
    }

    /** Control characters — CR and LF first of all — become spaces, so the subject stays one header. */
    static String headerSafe(String subject) {
        StringBuilder out = new StringBuilder(subject.length());
        subject.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' ' : c));
        return out.toString().strip();
    }

    /** Sorts a failure by the server's reply code, where the server gave one. */
    Outcome classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new Deferred(clean("the server refused the login: " + message(e)));
        }
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = next(t), depth++) {
            int code = -1;
            if (t instanceof SMTPAddressFailedException a) code = a.getReturnCode();
            else if (t instanceof SMTPSenderFailedException s) code = s.getReturnCode();
            else if (t instanceof SMTPSendFailedException s) code = s.getReturnCode();
            if (code >= 500 && code < 600) return new Rejected(clean(message(t)));
            if (code >= 400 && code < 500) return new Deferred(clean(message(t)));
        }
        return new Deferred(clean(describe(e)));
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) return m.getNextException();
        return t.getCause() == t ? null : t.getCause();
    }

    /** A failure without a reply: what it was, and its cause (the refused connection, the TLS problem). */
    private String describe(MessagingException e) {
        StringBuilder out = new StringBuilder(message(e));
        Throwable cause = next(e);
        if (cause != null && cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
            out.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(")");
        }
        return out.toString();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** One line, and never the password (nor its base64, as AUTH PLAIN/LOGIN send it), whatever a server echoes. */
    private String clean(String reply) {
        String out = reply.replaceAll("[\\r\\n]+", " ").strip();
        if (relay.login().isPresent()) {
            SmtpLogin login = relay.login().get();
            out = out.replace(login.password(), "***")
                    .replace(base64(login.password()), "***")
                    .replace(base64("\0" + login.username() + "\0" + login.password()), "***");
        }
        return out;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("Closing the SMTP connection failed", e);
        }
    }

    @Override
    public String toString() {
        return "SmtpTransport[" + relay + ", from " + from + "]";
    }
}
