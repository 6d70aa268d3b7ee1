package dev.userpool.ses;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.Mailer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

/**
 * Delivers any {@link EmailMessage} with SES v2 SendEmail (simple content: subject, text and HTML,
 * all UTF-8) from the configured address: the core's notices and, with the embedded directory, its
 * codes. The log line names the kind and the masked recipient, never the body (it may hold a code).
 */
public final class SesMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SesMailer.class);
    private static final String UTF_8 = "UTF-8";

    private final SesV2Client ses;
    private final EmailAddress from;

    public SesMailer(SesV2Client ses, EmailAddress from) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public void deliver(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        Message simple = Message.builder()
                .subject(utf8(message.subject()))
                .body(Body.builder().text(utf8(message.textBody())).html(utf8(message.htmlBody())).build())
                .build();
        try {
            String id = ses.sendEmail(b -> b
                    .fromEmailAddress(from.value())
                    .destination(d -> d.toAddresses(message.to().value()))
                    .content(EmailContent.builder().simple(simple).build())).messageId();
            LOG.info("{} for {} sent through SES ({})", message.kind(), message.to().masked(), id);
        } catch (SdkException e) {
            throw SesErrors.translate(e, "sending the " + message.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " email");
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(UTF_8).build();
    }
}
