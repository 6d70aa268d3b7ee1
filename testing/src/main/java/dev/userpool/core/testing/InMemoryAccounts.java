package dev.userpool.core.testing;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The accounts, passwords and one-time codes that {@link InMemoryUserDirectory} and
 * {@link InMemoryAuthenticator} share. Each account changes atomically; codes live as long as
 * Cognito's (confirmation 24 h, password reset 1 h) by the injected clock and are single use.
 */
final class InMemoryAccounts {
    private static final SecureRandom RANDOM = new SecureRandom();

    enum CodePurpose {
        CONFIRMATION(Duration.ofHours(24)), PASSWORD_RESET(Duration.ofHours(1));

        final Duration lifetime;

        CodePurpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    record IssuedCode(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedCode[******, expiresAt=" + expiresAt + "]";
        }
    }

    /** One account: its snapshot, its password, and the codes out for it. */
    record Account(User user, Password password, Map<CodePurpose, IssuedCode> codes) {
        Account {
            codes = codes.isEmpty() ? Map.of() : Map.copyOf(codes);
        }

        Account withUser(User next) {
            return new Account(next, password, codes);
        }

        Account withPassword(Password next) {
            return new Account(user, next, codes);
        }

        Account withCode(CodePurpose purpose, IssuedCode code) {
            Map<CodePurpose, IssuedCode> next = new EnumMap<>(CodePurpose.class);
            next.putAll(codes);
            next.put(purpose, code);
            return new Account(user, password, next);
        }

        Account withoutCode(CodePurpose purpose) {
            Map<CodePurpose, IssuedCode> next = new EnumMap<>(CodePurpose.class);
            next.putAll(codes);
            next.remove(purpose);
            return new Account(user, password, next);
        }
    }

    /** A code as it went out by "email". */
    record SentCode(EmailAddress to, CodePurpose purpose, String code, Instant sentAt) {
        @Override
        public String toString() {
            return "SentCode[to=" + to.masked() + ", purpose=" + purpose + ", code=******, sentAt=" + sentAt + "]";
        }
    }

    private final Clock clock;
    private final Supplier<String> codeGenerator;
    private final ConcurrentMap<EmailAddress, Account> accounts = new ConcurrentHashMap<>();
    private final List<SentCode> sentCodes = new CopyOnWriteArrayList<>();
    /** Until when each account's temporary password signs in (an administrator's invitation or temporary password). */
    final ConcurrentMap<UserId, Instant> temporaryPasswordExpiry = new ConcurrentHashMap<>();

    InMemoryAccounts(Clock clock, Supplier<String> codeGenerator) {
        this.clock = clock;
        this.codeGenerator = codeGenerator;
    }

    /** Six digits from a CSPRNG, like Cognito's codes. */
    static String randomSixDigits() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    Instant now() {
        return clock.instant();
    }

    Optional<Account> find(EmailAddress email) {
        return Optional.ofNullable(accounts.get(email));
    }

    Optional<Account> findById(UserId id) {
        return accounts.values().stream().filter(a -> a.user().id().equals(id)).findFirst();
    }

    Account require(EmailAddress email) {
        return find(email).orElseThrow(UserPoolException::userNotFound);
    }

    Collection<Account> all() {
        return List.copyOf(accounts.values());
    }

    void create(Account account) {
        if (accounts.putIfAbsent(account.user().email(), account) != null) {
            throw new UserPoolException(ErrorCode.USERNAME_EXISTS, "An account with the given email already exists.");
        }
    }

    /** Applies {@code change} atomically; if it throws, the account stays as it was. */
    Account update(EmailAddress email, UnaryOperator<Account> change) {
        return accounts.compute(email, (key, account) -> {
            if (account == null) throw UserPoolException.userNotFound();
            return change.apply(account);
        });
    }

    /**
     * Moves the account to {@code newEmail}, verified, atomically against every other move
     * ({@code UsernameExists} when another account has that address). Returns the account after.
     */
    synchronized User changeEmail(UserId id, EmailAddress newEmail) {
        Account account = findById(id).orElseThrow(UserPoolException::userNotFound);
        User u = account.user();
        User moved = new User(u.id(), newEmail, u.status(), true, u.enabled(), u.createdAt(), u.attributes());
        create(account.withUser(moved));
        accounts.remove(u.email());
        return moved;
    }

    void remove(EmailAddress email) {
        Account gone = accounts.remove(email);
        if (gone == null) throw UserPoolException.userNotFound();
        temporaryPasswordExpiry.remove(gone.user().id());
    }

    /** The account with a fresh code for {@code purpose}, replacing any earlier one; the code is "sent". */
    Account withNewCode(Account account, CodePurpose purpose) {
        Instant now = now();
        String code = codeGenerator.get();
        sentCodes.add(new SentCode(account.user().email(), purpose, code, now));
        return account.withCode(purpose, new IssuedCode(code, now.plus(purpose.lifetime)));
    }

    /** The account with its code for {@code purpose} used up, if {@code typed} is that code and still valid. */
    Account consumeCode(Account account, CodePurpose purpose, ConfirmationCode typed) {
        IssuedCode issued = account.codes().get(purpose);
        if (issued == null || !sameCode(issued.value(), typed.reveal())) {
            throw new UserPoolException(ErrorCode.CODE_MISMATCH, "Invalid verification code provided, please try again.");
        }
        if (!now().isBefore(issued.expiresAt())) {
            throw new UserPoolException(ErrorCode.EXPIRED_CODE, "Invalid code provided, please request a code again.");
        }
        return account.withoutCode(purpose);
    }

    Optional<String> lastCodeSent(EmailAddress to, CodePurpose purpose) {
        String last = null;
        for (SentCode sent : sentCodes) {
            if (sent.to().equals(to) && sent.purpose() == purpose) last = sent.code();
        }
        return Optional.ofNullable(last);
    }

    private static boolean sameCode(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
