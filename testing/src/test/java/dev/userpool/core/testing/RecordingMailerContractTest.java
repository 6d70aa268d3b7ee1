package dev.userpool.core.testing;

import dev.userpool.core.contract.MailerContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.Mailer;
import java.util.List;

/** The mailer contract on {@link RecordingMailer}: what it keeps is what a recipient would have received. */
class RecordingMailerContractTest extends MailerContract {
    private final RecordingMailer mailer = new RecordingMailer();

    @Override
    protected Mailer mailer() {
        return mailer;
    }

    @Override
    protected List<Delivered> deliveredTo(EmailAddress to) {
        return mailer.deliveredTo(to).stream().map(m -> new Delivered(m.subject(), m.textBody(), m.htmlBody())).toList();
    }
}
