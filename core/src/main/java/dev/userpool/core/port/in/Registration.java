package dev.userpool.core.port.in;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import java.util.Optional;

/** What a visitor does to get an account: sign up, then confirm by code or by link. */
public interface Registration {

    SignUpResult signUp(SignUpCommand command);

    User confirm(ConfirmCommand command);

    CodeDelivery resendCode(EmailCommand command);

    CodeDelivery sendVerificationLink(EmailCommand command);

    /** Confirms the account once the address is verified; otherwise says how far verification got. */
    LinkCompletion completeLinkVerification(EmailCommand command);

    /**
     * {@code attributes}: the UserAttributes given at sign-up, by name (Cognito's SignUp); an {@code email}
     * among them must be the address signed up with.
     */
    record SignUpCommand(String email, String password, java.util.Map<String, String> attributes, RequestContext context) {
        public SignUpCommand {
            attributes = java.util.Map.copyOf(attributes);
        }

        /** Without attributes. */
        public SignUpCommand(String email, String password, RequestContext context) {
            this(email, password, java.util.Map.of(), context);
        }

        @Override
        public String toString() {
            return "SignUpCommand[email=" + email + ", password=***, attributes=" + attributes.keySet() + "]";
        }
    }

    /** {@code email}: the account's address or its id (the {@code sub} Cognito clients name a user by), resolved by the core. The code never prints. */
    record ConfirmCommand(String email, String code, RequestContext context) {
        @Override
        public String toString() {
            return "ConfirmCommand[email=" + email + ", code=***]";
        }
    }

    /** {@code email}: the account's address or its id (the {@code sub} Cognito clients name a user by), resolved by the core (a sign-up's link verification takes the address only). */
    record EmailCommand(String email, RequestContext context) {}

    /** The new account, where its code or link went, and how it is to be confirmed ({@code CODE} or {@code LINK}). */
    record SignUpResult(User user, CodeDelivery codeDelivery, ConfirmationMethod confirmWith) {}

    record LinkCompletion(EmailVerificationStatus verification, Optional<User> user) {}
}
