package dev.userpool.core.testing;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.EmailVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EmailVerifier} whose addresses a test verifies by hand ({@link #clickLink}, {@link #setStatus}).
 * Like SES: a sent link leaves the address {@code PENDING}, and a forgotten address is {@code NOT_STARTED} again.
 */
public final class FakeEmailVerifier implements EmailVerifier {
    private final Map<EmailAddress, EmailVerificationStatus> statuses = new ConcurrentHashMap<>();
    private final List<EmailAddress> sent = new CopyOnWriteArrayList<>();
    private final List<EmailAddress> forgotten = new CopyOnWriteArrayList<>();
    private final CallLog calls = new CallLog();
    private volatile Optional<ErrorCode> failure = Optional.empty();

    @Override
    public void sendVerification(EmailAddress email) {
        calls.add("sendVerification");
        failIfAsked();
        sent.add(email);
        statuses.compute(email, (e, s) -> s == EmailVerificationStatus.VERIFIED ? s : EmailVerificationStatus.PENDING);
    }

    @Override
    public EmailVerificationStatus status(EmailAddress email) {
        calls.add("status");
        return statuses.getOrDefault(email, EmailVerificationStatus.NOT_STARTED);
    }

    @Override
    public void forget(EmailAddress email) {
        calls.add("forget");
        failIfAsked();
        forgotten.add(email);
        statuses.remove(email);
    }

    /** From now on, sending and forgetting fail with {@code code}, as a busy or broken email service would. */
    public void failWith(ErrorCode code) {
        failure = Optional.of(code);
    }

    public void recover() {
        failure = Optional.empty();
    }

    private void failIfAsked() {
        if (failure.isPresent()) throw new UserPoolException(failure.get(), "The email service answered " + failure.get().code() + ".");
    }

    /** The person clicked the link they were sent. */
    public void clickLink(EmailAddress email) {
        setStatus(email, EmailVerificationStatus.VERIFIED);
    }

    public void setStatus(EmailAddress email, EmailVerificationStatus status) {
        statuses.put(email, status);
    }

    /** Addresses a link was sent to, oldest first. */
    public List<EmailAddress> sent() {
        return List.copyOf(sent);
    }

    /** Addresses forgotten, oldest first. */
    public List<EmailAddress> forgotten() {
        return List.copyOf(forgotten);
    }

    /** The port methods called, in order. */
    public List<String> calls() {
        return calls.all();
    }
}
