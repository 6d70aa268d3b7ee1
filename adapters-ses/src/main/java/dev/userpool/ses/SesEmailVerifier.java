package dev.userpool.ses;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.EmailVerifier;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetCustomVerificationEmailTemplateResponse;

/**
 * Proves an address with an SES v2 custom verification email: SES sends the app's template with its
 * own link, and marks the address's identity verified when the person opens it. The core then asks
 * {@link #status} and, once the account is confirmed, {@link #forget}s the identity so verified
 * addresses do not pile up toward SES's 10,000 identities per Region.
 *
 * <p>SES allows the template operations and SendCustomVerificationEmail once per second per account,
 * so they all go through one {@link SendPacer}; the SDK does not retry them on its own (a retry would
 * be an extra request inside the same second). Closing the verifier drains its pacer.
 */
public final class SesEmailVerifier implements EmailVerifier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SesEmailVerifier.class);
    /** One attempt per paced call: the pacer, not the SDK, decides when SES is asked again. */
    private static final AwsRequestOverrideConfiguration ONE_ATTEMPT = AwsRequestOverrideConfiguration.builder()
            .addPlugin(config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))
            .build();

    /** What {@link #syncTemplate()} did. */
    public enum TemplateSync { CREATED, UPDATED, UNCHANGED }

    private final SesV2Client ses;
    private final VerificationEmailTemplate template;
    private final SendPacer pacer;

    public SesEmailVerifier(SesV2Client ses, VerificationEmailTemplate template, SendPacer pacer) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.template = Objects.requireNonNull(template, "template");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    public VerificationEmailTemplate template() {
        return template;
    }

    /**
     * Makes SES's template match {@link #template()}: creates it when missing, updates it when any part
     * differs, and leaves it alone otherwise, so a second start changes nothing.
     */
    public TemplateSync syncTemplate() {
        Optional<GetCustomVerificationEmailTemplateResponse> current = currentTemplate();
        if (current.isEmpty()) {
            createTemplate();
            LOG.info("Created SES custom verification template '{}'", template.name());
            return TemplateSync.CREATED;
        }
        if (matches(current.get())) return TemplateSync.UNCHANGED;
        paced("updating the verification template '" + template.name() + "'", () -> ses.updateCustomVerificationEmailTemplate(b -> b
                .templateName(template.name())
                .fromEmailAddress(template.from().value())
                .templateSubject(template.subject())
                .templateContent(template.htmlContent())
                .successRedirectionURL(template.successRedirect().toString())
                .failureRedirectionURL(template.failureRedirect().toString())
                .overrideConfiguration(ONE_ATTEMPT)));
        LOG.info("Updated SES custom verification template '{}' to the app's version", template.name());
        return TemplateSync.UPDATED;
    }

    /** SendCustomVerificationEmail, in its turn. A template gone missing is re-created once. */
    @Override
    public void sendVerification(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        try {
            send(email);
        } catch (SdkException e) {
            if (!SesErrors.isNotFound(e)) throw SesErrors.translate(e, "sending the verification email");
            LOG.warn("SES has no verification template '{}'; creating it and sending once more", template.name());
            createTemplate();
            try {
                send(email);
            } catch (SdkException again) {
                if (SesErrors.isNotFound(again)) {
                    throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "SES still has no verification template '"
                            + template.name() + "' after creating it; no verification email was sent.", again);
                }
                throw SesErrors.translate(again, "sending the verification email");
            }
        }
        LOG.info("Verification email for {} handed to SES", email.masked());
    }

    @Override
    public EmailVerificationStatus status(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        try {
            return IdentityStatus.of(ses.getEmailIdentity(b -> b.emailIdentity(email.value())));
        } catch (SdkException e) {
            if (SesErrors.isNotFound(e)) return EmailVerificationStatus.NOT_STARTED;
            throw SesErrors.translate(e, "reading the address's verification status");
        }
    }

    /**
     * DeleteEmailIdentity. Never the template's from-address: deleting it would stop every email the
     * app sends, so a person who signs up with it keeps it verified.
     */
    @Override
    public void forget(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        if (email.equals(template.from())) {
            LOG.warn("Not deleting the SES identity of the from-address {}: the app sends from it", email.masked());
            return;
        }
        try {
            ses.deleteEmailIdentity(b -> b.emailIdentity(email.value()));
        } catch (SdkException e) {
            if (SesErrors.isNotFound(e)) return;   // nothing to forget
            throw SesErrors.translate(e, "deleting the verified address from SES");
        }
    }

    /** Sends what is queued, then refuses further sends. */
    @Override
    public void close() {
        pacer.close();
    }

    private void send(EmailAddress email) {
        pacer.run(() -> ses.sendCustomVerificationEmail(b -> b
                .emailAddress(email.value())
                .templateName(template.name())
                .overrideConfiguration(ONE_ATTEMPT)));
    }

    private Optional<GetCustomVerificationEmailTemplateResponse> currentTemplate() {
        try {
            return Optional.of(pacer.run(() -> ses.getCustomVerificationEmailTemplate(b -> b
                    .templateName(template.name())
                    .overrideConfiguration(ONE_ATTEMPT))));
        } catch (SdkException e) {
            if (SesErrors.isNotFound(e)) return Optional.empty();
            throw SesErrors.translate(e, "reading the verification template '" + template.name() + "'");
        }
    }

    private void createTemplate() {
        try {
            pacer.run(() -> ses.createCustomVerificationEmailTemplate(b -> b
                    .templateName(template.name())
                    .fromEmailAddress(template.from().value())
                    .templateSubject(template.subject())
                    .templateContent(template.htmlContent())
                    .successRedirectionURL(template.successRedirect().toString())
                    .failureRedirectionURL(template.failureRedirect().toString())
                    .overrideConfiguration(ONE_ATTEMPT)));
        } catch (SdkException e) {
            if (SesErrors.kindOf(e) == SesErrors.Kind.ALREADY_EXISTS) return;   // another instance made it first
            if (SesErrors.kindOf(e) == SesErrors.Kind.LIMIT_EXCEEDED) {
                throw new UserPoolException(ErrorCode.LIMIT_EXCEEDED, "SES allows 50 custom verification templates per"
                        + " account and has no room for '" + template.name() + "': delete one you no longer use.", e);
            }
            throw SesErrors.translate(e, "creating the verification template '" + template.name() + "'");
        }
    }

    private <T> T paced(String doing, Supplier<T> call) {
        try {
            return pacer.run(call);
        } catch (SdkException e) {
            throw SesErrors.translate(e, doing);
        }
    }

    private boolean matches(GetCustomVerificationEmailTemplateResponse current) {
        return template.from().value().equalsIgnoreCase(Objects.toString(current.fromEmailAddress(), ""))
                && template.subject().equals(current.templateSubject())
                && template.htmlContent().equals(current.templateContent())
                && template.successRedirect().toString().equals(current.successRedirectionURL())
                && template.failureRedirect().toString().equals(current.failureRedirectionURL());
    }
}
