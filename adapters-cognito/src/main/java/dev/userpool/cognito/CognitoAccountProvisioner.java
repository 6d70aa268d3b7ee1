package dev.userpool.cognito;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.port.out.AccountProvisioner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * An administrator's accounts and passwords on AWS Cognito: AdminCreateUser, AdminSetUserPassword and
 * AdminResetUserPassword. The core decides the temporary password and mails the invitation itself, so
 * AdminCreateUser always runs with {@code MessageAction=SUPPRESS}; the temporary password's validity is
 * the pool's own ({@code TemporaryPasswordValidityDays} in its policies), which Cognito enforces, so the
 * expiry given is not sent. A RESEND is an AdminSetUserPassword with a new temporary password, which
 * also restarts Cognito's validity. AdminResetUserPassword has Cognito mail its reset code itself.
 */
public final class CognitoAccountProvisioner implements AccountProvisioner {
    private final CognitoIdentityProviderClient cognito;
    private final CognitoPool pool;

    public CognitoAccountProvisioner(CognitoIdentityProviderClient cognito, CognitoPool pool) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public User create(EmailAddress email, boolean emailVerified, UserAttributes attributes, Password temporaryPassword,
                       Instant expiresAt) {
        List<AttributeType> sent = new ArrayList<>();
        sent.add(AttributeType.builder().name(CognitoUsers.EMAIL).value(email.value()).build());
        sent.add(AttributeType.builder().name(CognitoUsers.EMAIL_VERIFIED).value(Boolean.toString(emailVerified)).build());
        attributes.values().forEach((name, value) -> sent.add(AttributeType.builder().name(name).value(value).build()));
        AdminCreateUserResponse created = CognitoSdkFailures.call("AdminCreateUser", () -> cognito.adminCreateUser(b -> b
                .userPoolId(pool.userPoolId()).username(email.value()).userAttributes(sent)
                .temporaryPassword(temporaryPassword.reveal()).messageAction(MessageActionType.SUPPRESS)),
                temporaryPassword.reveal());
        return CognitoUsers.from(created.user());
    }

    /** Cognito refuses a change that no longer applies itself; the password is sent, never logged. */
    @Override
    public void setPassword(User.Transition change, Password password, Optional<Instant> temporaryUntil) {
        CognitoSdkFailures.call("AdminSetUserPassword", () -> cognito.adminSetUserPassword(b -> b
                .userPoolId(pool.userPoolId()).username(change.before().email().value())
                .password(password.reveal()).permanent(temporaryUntil.isEmpty())), password.reveal());
    }

    @Override
    public CodeDelivery requireReset(User.Transition reset) {
        EmailAddress email = reset.before().email();
        CognitoSdkFailures.call("AdminResetUserPassword", () -> cognito.adminResetUserPassword(b -> b
                .userPoolId(pool.userPoolId()).username(email.value())));
        return CodeDelivery.email(email);
    }
}
