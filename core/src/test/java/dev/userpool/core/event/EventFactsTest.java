package dev.userpool.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFactsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static EventFacts facts(Outcome outcome, Optional<ErrorCode> error) {
        return new EventFacts(UUID.randomUUID(), T0, outcome, error, Optional.of(new UserId("u-1")),
                "alice@example.com", Actor.user(), Optional.empty(), RequestContext.internal("req-1"));
    }

    @Test
    void aFailureNeedsAnErrorCode() {
        assertThatThrownBy(() -> facts(Outcome.FAILURE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSuccessHasNoErrorCode() {
        assertThatThrownBy(() -> facts(Outcome.SUCCESS, Optional.of(ErrorCode.CODE_MISMATCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wellFormedFactsAreKept() {
        assertThat(facts(Outcome.SUCCESS, Optional.empty()).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(facts(Outcome.FAILURE, Optional.of(ErrorCode.CODE_MISMATCH)).errorCode())
                .contains(ErrorCode.CODE_MISMATCH);
    }

    @Test
    void anEventOfAnyTypeKeepsItsTypeAndFacts() {
        EventFacts facts = facts(Outcome.SUCCESS, Optional.empty());
        for (AuditEventType type : AuditEventType.values()) {
            AuditEvent event = new AuditEvent(type, facts);
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.facts()).isSameAs(facts);
            assertThat(event).isEqualTo(new AuditEvent(type, facts));
        }
    }

    @Test
    void anEventHasATypeAndFacts() {
        EventFacts facts = facts(Outcome.SUCCESS, Optional.empty());
        assertThatThrownBy(() -> new AuditEvent(null, facts)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AuditEvent(AuditEventType.SIGN_IN, null)).isInstanceOf(NullPointerException.class);
    }

    /** The audit logs store the type by name: renaming one would leave stored events unreadable. */
    @Test
    void theTypeNamesAreTheStoredOnes() {
        assertThat(Arrays.stream(AuditEventType.values()).map(Enum::name)).containsExactly(
                "SIGN_UP", "CONFIRMATION_CODE_SENT", "SIGN_UP_CONFIRMED", "VERIFICATION_LINK_SENT", "EMAIL_VERIFIED",
                "SIGN_IN", "TOKENS_REFRESHED", "SIGN_OUT", "PASSWORD_RESET_REQUESTED", "PASSWORD_RESET",
                "PASSWORD_CHANGED", "USER_DISABLED", "USER_ENABLED", "USER_DELETED", "PASSWORD_REHASHED",
                // issue 13, attributes
                "ATTRIBUTES_UPDATED", "ATTRIBUTES_DELETED", "CUSTOM_ATTRIBUTES_ADDED",
                // issue 13, admin-created users and password administration
                "USER_INVITED", "NEW_PASSWORD_REQUIRED", "NEW_PASSWORD_CHOSEN", "PASSWORD_SET_BY_ADMIN",
                "PASSWORD_RESET_BY_ADMIN",
                // issue 13, groups
                "GROUP_CREATED", "GROUP_UPDATED", "GROUP_DELETED", "USER_ADDED_TO_GROUP", "USER_REMOVED_FROM_GROUP",
                // issue 13, changing the address
                "EMAIL_CHANGE_REQUESTED", "EMAIL_CHANGE_CODE_SENT", "EMAIL_CHANGED",
                // issue 14, passkeys, emailed codes and the sign-in policy, authenticator apps
                "PASSKEY_REGISTERED", "PASSKEY_DELETED", "PASSKEY_SIGN_IN",
                "EMAIL_OTP_SENT", "EMAIL_OTP_REFUSED", "EMAIL_OTP_SIGN_IN", "SIGN_IN_POLICY_CHANGED",
                "SOFTWARE_TOKEN_ASSOCIATED", "SOFTWARE_TOKEN_VERIFIED", "MFA_PREFERENCE_SET", "MFA_REQUIRED",
                "MFA_CHALLENGE_ANSWERED", "MFA_REMOVED_BY_ADMIN",
                // issue 15, app clients and resource servers
                "APP_CLIENT_CREATED", "APP_CLIENT_UPDATED", "APP_CLIENT_DELETED", "RESOURCE_SERVER_CREATED",
                "RESOURCE_SERVER_UPDATED", "RESOURCE_SERVER_DELETED",
                // issue 15, the OAuth 2.0 / OIDC endpoints and managed login
                "AUTHORIZATION_CODE_ISSUED", "IMPLICIT_TOKENS_ISSUED", "TOKEN_EXCHANGED", "OAUTH_TOKENS_REFRESHED",
                "CLIENT_CREDENTIALS_GRANTED", "OAUTH_TOKEN_REVOKED", "MANAGED_LOGIN_SIGN_IN", "LOGOUT",
                // issue 14, choice-based sign-in
                "FIRST_FACTOR_CHOICE_OFFERED");
    }

    @Test
    void anEventIsFiledUnderItsUserOrElseItsEmail() {
        EventFacts withUser = facts(Outcome.SUCCESS, Optional.empty());
        assertThat(new AuditEvent(AuditEventType.SIGN_IN, withUser).subjectKey()).isEqualTo("u-1");
        EventFacts withoutUser = new EventFacts(UUID.randomUUID(), T0, Outcome.FAILURE,
                Optional.of(ErrorCode.USER_NOT_FOUND), Optional.empty(), "nobody@example.com", Actor.user(),
                Optional.empty(), RequestContext.internal("req-1"));
        assertThat(new AuditEvent(AuditEventType.SIGN_IN, withoutUser).subjectKey()).isEqualTo("nobody@example.com");
    }
}
