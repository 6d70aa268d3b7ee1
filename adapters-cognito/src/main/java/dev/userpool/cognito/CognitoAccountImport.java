package dev.userpool.cognito;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.GroupRules;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AccountImport;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * Moves accounts into a Cognito pool whose usernames are email addresses: AdminCreateUser with
 * {@code MessageAction=SUPPRESS} (no invitation mail; {@code email} and {@code email_verified} as
 * given), then AdminSetUserPassword with a random permanent password that is never stored, shown or
 * logged. Cognito takes no password hash, so nobody knows that password: it only moves the account
 * from {@code FORCE_CHANGE_PASSWORD}, where Cognito refuses ForgotPassword, to {@code CONFIRMED},
 * where a user with a verified address sets their own password with "forgot password".
 *
 * <p>An account that exists is left alone, except one still in {@code FORCE_CHANGE_PASSWORD}: that is
 * what an import interrupted between its two calls leaves, and it is finished. Cognito's throttling
 * ({@code TooManyRequestsException}) is waited out with a growing pause beyond the SDK's own retries,
 * because a bulk import meets it by design (AdminCreateUser's quota is a few dozen calls a second).
 */
public final class CognitoAccountImport implements AccountImport {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoAccountImport.class);
    static final String FORCE_CHANGE_PASSWORD = "FORCE_CHANGE_PASSWORD";

    /** How a throttled call waits before its next try; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final CognitoIdentityProviderClient cognito;
    private final CognitoPool pool;
    private final Pause pause;
    private final int throttledTries;
    private final SecureRandom random = new SecureRandom();

    public CognitoAccountImport(CognitoIdentityProviderClient cognito, CognitoPool pool) {
        this(cognito, pool, duration -> Thread.sleep(duration.toMillis()), 8);
    }

    /** {@code throttledTries}: how many times a call is sent while Cognito keeps throttling it. */
    public CognitoAccountImport(CognitoIdentityProviderClient cognito, CognitoPool pool, Pause pause, int throttledTries) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.pause = Objects.requireNonNull(pause, "pause");
        if (throttledTries < 1) throw new IllegalArgumentException("a call needs at least one try");
        this.throttledTries = throttledTries;
    }

    @Override
    public Result create(EmailAddress email, boolean emailVerified, UserAttributes attributes) {
        java.util.List<AttributeType> given = new java.util.ArrayList<>(java.util.List.of(
                AttributeType.builder().name(CognitoUsers.EMAIL).value(email.value()).build(),
                AttributeType.builder().name(CognitoUsers.EMAIL_VERIFIED).value(Boolean.toString(emailVerified)).build()));
        attributes.values().forEach((name, value) -> given.add(AttributeType.builder().name(name).value(value).build()));
        try {
            call("AdminCreateUser", () -> cognito.adminCreateUser(b -> b
                    .userPoolId(pool.userPoolId())
                    .username(email.value())
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(given)));
        } catch (UserPoolException e) {
            if (e.code() != ErrorCode.USERNAME_EXISTS) throw e;
            AdminGetUserResponse existing = call("AdminGetUser", () -> cognito.adminGetUser(b -> b
                    .userPoolId(pool.userPoolId()).username(email.value())));
            if (!FORCE_CHANGE_PASSWORD.equals(existing.userStatusAsString())) return Result.ALREADY_EXISTS;
            LOG.info("Finishing the import of {}, left in {} by an earlier run", email.masked(), FORCE_CHANGE_PASSWORD);
        }
        String password = unusablePassword();
        call("AdminSetUserPassword", () -> cognito.adminSetUserPassword(b -> b
                .userPoolId(pool.userPoolId()).username(email.value()).password(password).permanent(true)), password);
        return Result.CREATED;
    }

    @Override
    public Result createGroup(GroupName name, String description, Optional<Integer> precedence, Optional<String> roleArn) {
        try {
            call("CreateGroup", () -> cognito.createGroup(b -> b
                    .userPoolId(pool.userPoolId())
                    .groupName(name.value())
                    .description(description.isEmpty() ? null : description)
                    .precedence(precedence.orElse(null))
                    .roleArn(roleArn.orElse(null))));
            return Result.CREATED;
        } catch (UserPoolException e) {
            if (e.code() != ErrorCode.GROUP_EXISTS) throw e;
            return Result.ALREADY_EXISTS;
        }
    }

    @Override
    public void addToGroup(GroupName group, EmailAddress member) {
        // the pool's usernames are addresses, so the address names the user (AdminAddUserToGroup is idempotent)
        call("AdminAddUserToGroup", () -> {
            try {
                return cognito.adminAddUserToGroup(b -> b
                        .userPoolId(pool.userPoolId()).groupName(group.value()).username(member.value()));
            } catch (ResourceNotFoundException e) {
                // a missing group is the import's to report; a missing pool stays the operator's (below)
                String said = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
                if (said.toLowerCase(java.util.Locale.ROOT).contains("group")) throw GroupRules.groupNotFound();
                throw e;
            }
        });
    }

    private <T> T call(String operation, Supplier<T> request, String... secrets) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (AwsServiceException e) {
                if (!e.isThrottlingException() || attempt >= throttledTries) {
                    throw CognitoSdkFailures.translate(operation, e, secrets);
                }
                waitBeforeTry(operation, attempt);
            } catch (SdkException e) {
                throw CognitoSdkFailures.translate(operation, e, secrets);
            }
        }
    }

    private void waitBeforeTry(String operation, int attempt) {
        // 0.5 s, 1 s, 2 s … up to 16 s, with jitter so that two importers do not retry in step
        long base = Math.min(16_000L, 500L << Math.min(attempt - 1, 5));
        Duration wait = Duration.ofMillis(base / 2 + random.nextLong(base / 2 + 1));
        LOG.info("Cognito throttled {}; trying again in {} ms", operation, wait.toMillis());
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while Cognito was throttling " + operation + ".");
        }
    }

    /**
     * 40 characters from all four classes Cognito's password policies can require, so any policy up to
     * 40 characters accepts it.
     */
    private String unusablePassword() {
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%*+-_=^$"};
        char[] chars = new char[40];
        for (int i = 0; i < chars.length; i++) {
            String from = classes[i < classes.length ? i : random.nextInt(classes.length)];
            chars[i] = from.charAt(random.nextInt(from.length()));
        }
        for (int i = chars.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
        return new String(chars);
    }
}
