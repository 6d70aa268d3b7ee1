package dev.userpool.smtp.testing;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real SMTP server for the tests: GreenMail on a free loopback port, plain or implicit TLS (with
 * {@link TestCertificate}), optionally with one account for AUTH. Recipients whose address starts
 * with {@code rejected} are refused for good at RCPT ({@code 550}), those starting with {@code busy}
 * for now ({@code 451}). It can be stopped and started again on the same port, like a mail server
 * that goes away for a while.
 */
public final class MailServer implements AutoCloseable {
    public static final String REJECTED_PREFIX = "rejected";
    public static final String BUSY_PREFIX = "busy";

    private final ServerSetup setup;
    private final Optional<String[]> account;
    private GreenMail greenMail;

    private MailServer(ServerSetup setup, Optional<String[]> account) {
        this.setup = setup;
        this.account = account;
    }

    /** Plain SMTP, no account (any client may send). */
    public static MailServer plain() {
        return new MailServer(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP), Optional.empty()).start();
    }

    /** Plain SMTP with one account whose login AUTH checks. */
    public static MailServer plainWithAccount(String username, String password) {
        return new MailServer(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                Optional.of(new String[] {username, password})).start();
    }

    /** SMTP in implicit TLS ("smtps") with the test certificate, with one account. */
    public static MailServer tlsWithAccount(String username, String password) {
        TestCertificate.keyStore();   // GreenMail reads its key store location from system properties
        return new MailServer(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
                Optional.of(new String[] {username, password})).start();
    }

    public synchronized MailServer start() {
        if (greenMail != null) return this;
        GreenMail g = new RefusingGreenMail(setup);
        GreenMailConfiguration config = GreenMailConfiguration.aConfig();
        if (account.isPresent()) config = config.withUser(account.get()[0] + "@mail.test", account.get()[0], account.get()[1]);
        g.withConfiguration(config);
        g.start();
        greenMail = g;
        return this;
    }

    /** Goes away: connections are refused until {@link #start()}. What it had received is kept. */
    public synchronized void stop() {
        if (greenMail == null) return;
        received.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        greenMail.stop();
        greenMail = null;
    }

    private final List<MimeMessage> received = new ArrayList<>();

    public int port() {
        return setup.getPort();
    }

    public String host() {
        return setup.getBindAddress();
    }

    /** Every message received so far, over all runs of the server. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(received);
        if (greenMail != null) all.addAll(Arrays.asList(greenMail.getReceivedMessages()));
        return all;
    }

    /** What reached {@code address} (as the envelope recipient and the To header), oldest first. */
    public List<Received> receivedBy(String address) {
        List<Received> out = new ArrayList<>();
        for (MimeMessage m : received()) {
            try {
                Optional<String> to = Optional.ofNullable(m.getRecipients(Message.RecipientType.TO))
                        .flatMap(a -> Arrays.stream(a).findFirst()).map(Object::toString);
                if (to.isPresent() && to.get().equalsIgnoreCase(address)) out.add(Received.of(m));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Waits until {@code address} has received at least {@code count} messages; answers what it has. */
    public List<Received> awaitMessages(String address, int count, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        List<Received> got = receivedBy(address);
        while (got.size() < count && Instant.now().isBefore(end)) {
            sleep(50);
            got = receivedBy(address);
        }
        return got;
    }

    @Override
    public void close() {
        stop();
    }

    /** A received message, decoded: subject, both bodies (with the CRLF line ends of SMTP), the raw headers. */
    public record Received(String from, String to, String subject, String text, String html, List<String> headerLines,
                           String contentType) {
        static Received of(MimeMessage m) throws MessagingException {
            try {
                String text = "";
                String html = "";
                if (m.getContent() instanceof Multipart parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        if (part.isMimeType("text/plain")) text = (String) part.getContent();
                        else if (part.isMimeType("text/html")) html = (String) part.getContent();
                    }
                } else {
                    text = String.valueOf(m.getContent());
                }
                List<String> headers = new ArrayList<>();
                m.getAllHeaderLines().asIterator().forEachRemaining(headers::add);
                return new Received(m.getFrom()[0].toString(), m.getRecipients(Message.RecipientType.TO)[0].toString(),
                        m.getSubject(), text, html, headers, m.getContentType().toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** GreenMail whose SMTP refuses some recipients, as a real server refuses unknown mailboxes. */
    private static final class RefusingGreenMail extends GreenMail {
        RefusingGreenMail(ServerSetup setup) {
            super(setup);
            managers = new RefusingManagers();
        }
    }

    private static final class RefusingManagers extends Managers {
        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                String email = recipient.getEmail().toLowerCase(Locale.ROOT);
                if (email.startsWith(REJECTED_PREFIX)) {
                    return "550 5.1.1 <" + recipient.getEmail() + ">: Recipient address rejected: User unknown";
                }
                if (email.startsWith(BUSY_PREFIX)) return "451 4.3.0 <" + recipient.getEmail() + ">: Try again later";
                return super.checkRecipient(state, recipient);
            }
        };

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
