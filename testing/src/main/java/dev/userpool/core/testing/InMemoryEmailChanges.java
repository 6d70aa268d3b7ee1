package dev.userpool.core.testing;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.EmailChanges;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link EmailChanges} over an {@link InMemoryUserDirectory}'s accounts. Codes are "sent" by keeping
 * them ({@link #lastCodeSentTo}); they live 24 hours by the directory's clock and are single use. It
 * ignores the access token and does not count Cognito's attempt limits.
 */
public final class InMemoryEmailChanges implements EmailChanges {
    static final Duration CODE_LIFETIME = Duration.ofHours(24);

    private record Pending(Optional<EmailAddress> newEmail, String code, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[" + newEmail.map(EmailAddress::masked) + ", code=******]";
        }
    }

    private record Sent(EmailAddress to, String code) {
        @Override
        public String toString() {
            return "Sent[to=" + to.masked() + ", code=******]";
        }
    }

    private final InMemoryAccounts accounts;
    private final Map<UserId, Pending> pending = new ConcurrentHashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    public InMemoryEmailChanges(InMemoryUserDirectory directory) {
        this.accounts = directory.accounts;
    }

    @Override
    public synchronized CodeDelivery request(User account, EmailAddress newEmail, String accessToken) {
        current(account);
        return send(account.id(), Optional.of(newEmail), newEmail);
    }

    @Override
    public synchronized CodeDelivery resendCode(User account, String accessToken) {
        User now = current(account);
        Optional<EmailAddress> newEmail = Optional.ofNullable(pending.get(now.id())).flatMap(Pending::newEmail);
        return send(now.id(), newEmail, newEmail.orElse(now.email()));
    }

    @Override
    public synchronized User verify(User account, ConfirmationCode code, String accessToken) {
        User now = current(account);
        Pending p = pending.get(now.id());
        if (p == null || !MessageDigest.isEqual(p.code().getBytes(StandardCharsets.UTF_8),
                code.reveal().getBytes(StandardCharsets.UTF_8))) {
            throw new UserPoolException(ErrorCode.CODE_MISMATCH, "Invalid verification code provided, please try again.");
        }
        if (!accounts.now().isBefore(p.expiresAt())) {
            throw new UserPoolException(ErrorCode.EXPIRED_CODE, "Invalid code provided, please request a code again.");
        }
        pending.remove(now.id());
        if (p.newEmail().isEmpty()) {
            User verified = new User(now.id(), now.email(), now.status(), true, now.enabled(), now.createdAt(),
                    now.attributes());
            accounts.update(now.email(), a -> a.withUser(verified));
            return verified;
        }
        return accounts.changeEmail(now.id(), p.newEmail().get());
    }

    /** The last address-change code sent to {@code email}, as its owner would read it. */
    public synchronized Optional<String> lastCodeSentTo(EmailAddress email) {
        String last = null;
        for (Sent s : sent) {
            if (s.to().equals(email)) last = s.code();
        }
        return Optional.ofNullable(last);
    }

    private User current(User account) {
        return accounts.findById(account.id()).map(InMemoryAccounts.Account::user).orElseThrow(UserPoolException::userNotFound);
    }

    private CodeDelivery send(UserId id, Optional<EmailAddress> newEmail, EmailAddress to) {
        String code = InMemoryAccounts.randomSixDigits();
        pending.put(id, new Pending(newEmail, code, accounts.now().plus(CODE_LIFETIME)));
        sent.add(new Sent(to, code));
        return CodeDelivery.email(to);
    }
}
