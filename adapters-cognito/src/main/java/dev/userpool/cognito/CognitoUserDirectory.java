package dev.userpool.cognito;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributeDataType;
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
import dev.userpool.core.port.out.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/**
 * Accounts in a Cognito user pool whose usernames are email addresses. Users act through the app
 * client (SignUp, ConfirmSignUp, ResendConfirmationCode, with {@code SECRET_HASH} when the client has a
 * secret); operators through the admin API (AdminConfirmSignUp, AdminUpdateUserAttributes,
 * AdminGetUser, ListUsers, AdminDisableUser, AdminEnableUser, AdminDeleteUser), which needs IAM
 * permissions (the README lists them).
 *
 * <p>Cognito decides itself whether SignUp emails a code: it does when the pool auto-verifies email.
 * This directory reports what Cognito did, whatever {@code sendCode} asked (see {@link #signUp}).
 */
public final class CognitoUserDirectory implements UserDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoUserDirectory.class);

    private final CognitoIdentityProviderClient cognito;
    private final CognitoPool pool;
    private final AppClient appClient;
    private final CognitoUserListing listing;
    // a pool set up for the other verification method: said once, not at every sign-up
    private final AtomicBoolean warnedNoCode = new AtomicBoolean();
    private final AtomicBoolean warnedUnaskedCode = new AtomicBoolean();

    public CognitoUserDirectory(CognitoIdentityProviderClient cognito, CognitoPool pool, AppClient appClient) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.appClient = Objects.requireNonNull(appClient, "appClient");
        this.listing = new CognitoUserListing(cognito, pool.userPoolId());
    }

    /**
     * SignUp, then AdminGetUser for the account as Cognito stored it (its {@code sub} and creation
     * time). Cognito emails a code when the pool auto-verifies email and not otherwise; no request
     * parameter changes that. So the delivery reported is the one Cognito reports: a pool meant for
     * code confirmation must auto-verify email, one meant for link verification must not.
     */
    @Override
    public SignUpOutcome signUp(EmailAddress email, Password password, UserAttributes attributes, boolean sendCode) {
        SignUpResponse response = CognitoSdkFailures.call("SignUp", () -> cognito.signUp(b -> b
                .clientId(appClient.clientId())
                .secretHash(appClient.secretHash(email.value()).orElse(null))
                .username(email.value())
                .password(password.reveal())
                .userAttributes(withAddress(email, attributes))),
                password.reveal());
        Optional<CodeDelivery> delivery = Optional.ofNullable(response.codeDeliveryDetails())
                .map(d -> CognitoUsers.delivery(d, email));
        if (sendCode && delivery.isEmpty() && !warnedNoCode.getAndSet(true)) {
            LOG.warn("Cognito sent no confirmation code at sign-up: the pool does not auto-verify email "
                    + "(AutoVerifiedAttributes), so code confirmation cannot work");
        } else if (!sendCode && delivery.isPresent() && !warnedUnaskedCode.getAndSet(true)) {
            LOG.warn("Cognito emailed a confirmation code at sign-up although none was asked for: the pool "
                    + "auto-verifies email; for link verification use a pool that does not");
        }
        User user = find(email).orElseThrow(() -> new UserPoolException(
                ErrorCode.SERVICE_UNAVAILABLE, "Cognito does not show the new account yet."));
        return new SignUpOutcome(user, delivery);
    }

    /**
     * ConfirmSignUp with the emailed code: Cognito checks the code and applies the confirmation itself
     * (marking {@code email_verified} too), so only the account's address is taken from the transition.
     */
    @Override
    public void confirmSignUp(User.Transition confirmation, ConfirmationCode code) {
        EmailAddress email = confirmation.before().email();
        CognitoSdkFailures.call("ConfirmSignUp", () -> cognito.confirmSignUp(b -> b
                .clientId(appClient.clientId())
                .secretHash(appClient.secretHash(email.value()).orElse(null))
                .username(email.value())
                .confirmationCode(code.reveal())), code.reveal());
    }

    @Override
    public CodeDelivery resendConfirmationCode(EmailAddress email) {
        CodeDeliveryDetailsType details = CognitoSdkFailures.call("ResendConfirmationCode", () -> cognito.resendConfirmationCode(b -> b
                .clientId(appClient.clientId())
                .secretHash(appClient.secretHash(email.value()).orElse(null))
                .username(email.value()))).codeDeliveryDetails();
        if (details == null) {
            LOG.warn("Cognito resent a confirmation code without saying where; reporting the account's address");
            return CodeDelivery.email(email);
        }
        return CognitoUsers.delivery(details, email);
    }

    /**
     * Cognito keeps the account's state itself, so it applies the change remotely, by what happened:
     * an operator's confirmation is AdminConfirmSignUp (which leaves {@code email_verified} as it is); a
     * verified address is AdminUpdateUserAttributes({@code email_verified = true}), after
     * AdminConfirmSignUp when the link flow also confirms the account; disabling and enabling are
     * AdminDisableUser and AdminEnableUser. Cognito, not this adapter, refuses what no longer applies
     * (confirming a confirmed account is NotAuthorized).
     */
    @Override
    public void save(User.Transition change) {
        EmailAddress email = change.before().email();
        switch (change.happened()) {
            case SIGN_UP_CONFIRMED -> adminConfirmSignUp(email);
            case EMAIL_VERIFIED -> {
                if (change.before().status() != change.after().status()) adminConfirmSignUp(email);
                markEmailVerified(email);
            }
            case USER_DISABLED -> CognitoSdkFailures.call("AdminDisableUser", () -> cognito.adminDisableUser(b -> b
                    .userPoolId(pool.userPoolId()).username(email.value())));
            case USER_ENABLED -> CognitoSdkFailures.call("AdminEnableUser", () -> cognito.adminEnableUser(b -> b
                    .userPoolId(pool.userPoolId()).username(email.value())));
            case ATTRIBUTES_UPDATED -> updateAttributes(email, change);
            case ATTRIBUTES_DELETED -> deleteAttributes(email, change);
            default -> throw new IllegalArgumentException("not a change of an account's state: " + change.happened());
        }
    }

    /** AdminUpdateUserAttributes with the values the change set; nothing to send when it set none. */
    private void updateAttributes(EmailAddress email, User.Transition change) {
        Map<String, String> before = change.before().attributes().values();
        List<AttributeType> changed = change.after().attributes().values().entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> AttributeType.builder().name(e.getKey()).value(e.getValue()).build()).toList();
        if (changed.isEmpty()) return;
        CognitoSdkFailures.call("AdminUpdateUserAttributes", () -> cognito.adminUpdateUserAttributes(b -> b
                .userPoolId(pool.userPoolId()).username(email.value()).userAttributes(changed)));
    }

    /** AdminDeleteUserAttributes with the names the change removed. */
    private void deleteAttributes(EmailAddress email, User.Transition change) {
        List<String> removed = change.before().attributes().values().keySet().stream()
                .filter(name -> change.after().attributes().get(name).isEmpty()).toList();
        if (removed.isEmpty()) return;
        CognitoSdkFailures.call("AdminDeleteUserAttributes", () -> cognito.adminDeleteUserAttributes(b -> b
                .userPoolId(pool.userPoolId()).username(email.value()).userAttributeNames(removed)));
    }

    private static List<AttributeType> withAddress(EmailAddress email, UserAttributes attributes) {
        List<AttributeType> all = new ArrayList<>();
        all.add(AttributeType.builder().name(CognitoUsers.EMAIL).value(email.value()).build());
        attributes.values().forEach((name, value) -> all.add(AttributeType.builder().name(name).value(value).build()));
        return all;
    }

    /** The pool's custom attributes, from DescribeUserPool's SchemaAttributes. */
    @Override
    public List<AttributeDefinition> customAttributes() {
        UserPoolType described = CognitoSdkFailures.call("DescribeUserPool", () -> cognito.describeUserPool(b -> b
                .userPoolId(pool.userPoolId()))).userPool();
        if (described == null || described.schemaAttributes() == null) return List.of();
        return described.schemaAttributes().stream().filter(a -> a.name() != null && a.name().startsWith(AttributeDefinition.CUSTOM_PREFIX))
                .map(CognitoUserDirectory::definition).flatMap(Optional::stream).toList();
    }

    /** AddCustomAttributes: Cognito takes the names without their prefix and refuses one that exists. */
    @Override
    public void addCustomAttributes(List<AttributeDefinition> added) {
        List<SchemaAttributeType> schema = added.stream().map(CognitoUserDirectory::schemaAttribute).toList();
        CognitoSdkFailures.call("AddCustomAttributes", () -> cognito.addCustomAttributes(b -> b
                .userPoolId(pool.userPoolId()).customAttributes(schema)));
    }

    private static SchemaAttributeType schemaAttribute(AttributeDefinition d) {
        SchemaAttributeType.Builder b = SchemaAttributeType.builder()
                .name(d.name().substring(AttributeDefinition.CUSTOM_PREFIX.length()))
                .attributeDataType(d.type().cognitoName()).mutable(d.mutable()).developerOnlyAttribute(false);
        if (d.type() == AttributeDataType.STRING) {
            b.stringAttributeConstraints(c -> c.minLength(d.min().map(String::valueOf).orElse(null))
                    .maxLength(d.max().map(String::valueOf).orElse(null)));
        } else {
            b.numberAttributeConstraints(c -> c.minValue(d.min().map(String::valueOf).orElse(null))
                    .maxValue(d.max().map(String::valueOf).orElse(null)));
        }
        return b.build();
    }

    /** A custom attribute Cognito describes, when it is one the core keeps (String or Number). */
    private static Optional<AttributeDefinition> definition(SchemaAttributeType a) {
        AttributeDataType type;
        if ("String".equals(a.attributeDataTypeAsString())) type = AttributeDataType.STRING;
        else if ("Number".equals(a.attributeDataTypeAsString())) type = AttributeDataType.NUMBER;
        else return Optional.empty();
        Optional<String> min = type == AttributeDataType.STRING
                ? Optional.ofNullable(a.stringAttributeConstraints()).map(c -> c.minLength())
                : Optional.ofNullable(a.numberAttributeConstraints()).map(c -> c.minValue());
        Optional<String> max = type == AttributeDataType.STRING
                ? Optional.ofNullable(a.stringAttributeConstraints()).map(c -> c.maxLength())
                : Optional.ofNullable(a.numberAttributeConstraints()).map(c -> c.maxValue());
        return Optional.of(new AttributeDefinition(a.name(), type, a.mutable() == null || a.mutable(),
                min.flatMap(CognitoUserDirectory::whole), max.flatMap(CognitoUserDirectory::whole), AttributeDefinition.Format.ANY));
    }

    private static Optional<Long> whole(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void adminConfirmSignUp(EmailAddress email) {
        CognitoSdkFailures.call("AdminConfirmSignUp", () -> cognito.adminConfirmSignUp(b -> b
                .userPoolId(pool.userPoolId()).username(email.value())));
    }

    private void markEmailVerified(EmailAddress email) {
        CognitoSdkFailures.call("AdminUpdateUserAttributes", () -> cognito.adminUpdateUserAttributes(b -> b
                .userPoolId(pool.userPoolId()).username(email.value())
                .userAttributes(AttributeType.builder().name(CognitoUsers.EMAIL_VERIFIED).value("true").build())));
    }

    @Override
    public Optional<User> find(EmailAddress email) {
        try {
            return Optional.of(CognitoUsers.from(CognitoSdkFailures.call("AdminGetUser", () -> cognito.adminGetUser(b -> b
                    .userPoolId(pool.userPoolId()).username(email.value())))));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USER_NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return listing.findBySub(id);
    }

    @Override
    public Page<User> list(UserFilter filter, PageRequest page) {
        return listing.list(filter, page);
    }

    @Override
    public void delete(EmailAddress email) {
        CognitoSdkFailures.call("AdminDeleteUser", () -> cognito.adminDeleteUser(b -> b
                .userPoolId(pool.userPoolId()).username(email.value())));
    }
}
