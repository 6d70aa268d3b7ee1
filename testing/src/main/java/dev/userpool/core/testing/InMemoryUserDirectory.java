package dev.userpool.core.testing;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.testing.InMemoryAccounts.Account;
import dev.userpool.core.testing.InMemoryAccounts.CodePurpose;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@link UserDirectory} in memory. Codes are "sent" by keeping them: {@link #lastCodeSentTo} reads
 * the last one, as a person reads their mailbox. It stores the states the core's transitions give it and
 * holds Cognito's errors and code lifetimes, but not Cognito's attempt limits or its own password policy.
 */
public final class InMemoryUserDirectory implements UserDirectory {
    private static final Comparator<User> BY_EMAIL = Comparator.comparing(u -> u.email().value());

    final InMemoryAccounts accounts;
    private final CallLog calls = new CallLog();
    private final List<AttributeDefinition> customAttributes = new java.util.concurrent.CopyOnWriteArrayList<>();

    public InMemoryUserDirectory(Clock clock) {
        this(clock, InMemoryAccounts::randomSixDigits);
    }

    /** With codes from {@code codeGenerator} (letters and digits), e.g. to make them easy to spot. */
    public InMemoryUserDirectory(Clock clock, Supplier<String> codeGenerator) {
        this.accounts = new InMemoryAccounts(clock, codeGenerator);
    }

    @Override
    public SignUpOutcome signUp(EmailAddress email, Password password, UserAttributes attributes, boolean sendCode) {
        calls.add("signUp");
        User user = User.signedUp(new UserId(UUID.randomUUID().toString()), email, accounts.now(), attributes);
        accounts.create(new Account(user, password, Map.of()));
        if (!sendCode) return new SignUpOutcome(user, Optional.empty());
        accounts.update(email, a -> accounts.withNewCode(a, CodePurpose.CONFIRMATION));
        return new SignUpOutcome(user, Optional.of(CodeDelivery.email(email)));
    }

    @Override
    public void confirmSignUp(User.Transition confirmation, ConfirmationCode code) {
        calls.add("confirmSignUp");
        accounts.update(confirmation.before().email(), a -> accounts.consumeCode(unchanged(a, confirmation),
                CodePurpose.CONFIRMATION, code).withUser(confirmation.after()));
    }

    @Override
    public CodeDelivery resendConfirmationCode(EmailAddress email) {
        calls.add("resendConfirmationCode");
        accounts.update(email, a -> {
            if (a.user().status() != UserStatus.UNCONFIRMED) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "User is already confirmed.");
            }
            return accounts.withNewCode(a, CodePurpose.CONFIRMATION);
        });
        return CodeDelivery.email(email);
    }

    /** Stores the state given, as the SQLite directory does, refusing a change from a state the account left. */
    @Override
    public void save(User.Transition change) {
        calls.add("save");
        accounts.update(change.before().email(), a -> {
            Account saved = unchanged(a, change).withUser(change.after());
            boolean confirmed = change.before().status() == UserStatus.UNCONFIRMED
                    && change.after().status() == UserStatus.CONFIRMED;
            return confirmed ? saved.withoutCode(CodePurpose.CONFIRMATION) : saved;
        });
    }

    @Override
    public Optional<User> find(EmailAddress email) {
        calls.add("find");
        return accounts.find(email).map(Account::user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        calls.add("findById");
        return accounts.findById(id).map(Account::user);
    }

    /** Ordered by address; the cursor is the (encoded) last address of the page before. */
    @Override
    public Page<User> list(UserFilter filter, PageRequest page) {
        calls.add("list");
        Optional<String> after = page.cursor().map(InMemoryUserDirectory::decodeCursor);
        List<User> matching = accounts.all().stream().map(Account::user).filter(filter::matches)
                .filter(u -> after.map(a -> u.email().value().compareTo(a) > 0).orElse(true))
                .sorted(BY_EMAIL).toList();
        List<User> items = matching.subList(0, Math.min(page.limit(), matching.size()));
        Optional<String> next = matching.size() > items.size()
                ? Optional.of(encodeCursor(items.get(items.size() - 1).email().value()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public void delete(EmailAddress email) {
        calls.add("delete");
        accounts.remove(email);
    }

    @Override
    public List<AttributeDefinition> customAttributes() {
        calls.add("customAttributes");
        return List.copyOf(customAttributes);
    }

    /** Refuses a name that exists, as the SQLite directory does. */
    @Override
    public synchronized void addCustomAttributes(List<AttributeDefinition> added) {
        calls.add("addCustomAttributes");
        for (AttributeDefinition d : added) {
            if (customAttributes.stream().anyMatch(e -> e.name().equals(d.name()))) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER, d.name() + ": Existing attribute already has name " + d.name() + ".");
            }
        }
        customAttributes.addAll(added);
    }

    /** The account, if it is still the one {@code change} starts from. */
    private static Account unchanged(Account account, User.Transition change) {
        if (!account.user().id().equals(change.before().id())) throw UserPoolException.userNotFound();
        if (!account.user().equals(change.before())) {
            throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, "The account changed meanwhile; try again.");
        }
        return account;
    }

    /** The last confirmation code sent to {@code email}, as its owner would read it. */
    public Optional<String> lastCodeSentTo(EmailAddress email) {
        return accounts.lastCodeSent(email, CodePurpose.CONFIRMATION);
    }

    /** The port methods called, in order. */
    public List<String> calls() {
        return calls.all();
    }

    private static String encodeCursor(String lastEmail) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEmail.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw UserPoolException.invalidParameter("cursor", "is not one this listing gave out");
        }
    }
}
