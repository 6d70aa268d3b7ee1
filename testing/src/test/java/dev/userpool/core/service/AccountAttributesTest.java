package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributePolicy;
import dev.userpool.core.domain.AttributeDataType;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.AccountAttributes.AdminChangeCommand;
import dev.userpool.core.port.in.AccountAttributes.AdminDeletionCommand;
import dev.userpool.core.port.in.AccountAttributes.CustomAttributesCommand;
import dev.userpool.core.port.in.AccountAttributes.OwnChangeCommand;
import dev.userpool.core.port.in.AccountAttributes.OwnDeletionCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.service.RegistrationService.VerificationMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Attributes through the use cases: what a user and an operator may change, and what each change records. */
class AccountAttributesTest {
    private static final String ADA = "ada@example.com";
    private final CoreWithFakes core = CoreWithFakes.byCode();
    /** A pool that requires a name, and whose app client may write names and nicknames only (and read all but the nickname). */
    private final AttributePolicy strict = new AttributePolicy(Set.of("name"),
            Optional.of(Set.of("name", "email", "email_verified", "custom:member")), Optional.of(Set.of("name", "nickname", "custom:member")));
    private final AccountAttributesService attributes = new AccountAttributesService(core.directory, core.tokens,
            core.auditLog, AttributePolicy.cognitoDefault(), core.clock);
    private final AccountAttributesService strictAttributes = new AccountAttributesService(core.directory, core.tokens,
            core.auditLog, strict, core.clock);
    private final RegistrationService strictRegistration = new RegistrationService(core.directory, core.emailVerifier,
            core.auditLog, PasswordPolicy.cognitoDefault(), VerificationMode.CODE, UserEnumerationProtection.on(), core.clock, strict);

    private String accessTokenOf(User user) {
        return core.tokens.issue(user.id(), TokenUse.ACCESS, Optional.of(user.email()), Set.of());
    }

    private User stored(String email) {
        return core.directory.find(CoreWithFakes.email(email)).orElseThrow();
    }

    @Test
    void aUserUpdatesTheirOwnAttributesAndOneEventSaysSo() {
        User ada = core.seed(ADA);
        var event = core.onlyEventOf(() -> attributes.updateOwn(new OwnChangeCommand(accessTokenOf(ada),
                Map.of("name", "Ada Lovelace", "phone_number", "+441234567890"), CONTEXT)));

        assertThat(stored(ADA).attributes()).isEqualTo(UserAttributes.of(Map.of("name", "Ada Lovelace", "phone_number", "+441234567890")));
        assertThat(event.type()).isEqualTo(AuditEventType.ATTRIBUTES_UPDATED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(ada.id());
    }

    @Test
    void aMalformedValueChangesNothingAndIsRecordedAsRefused() {
        User ada = core.seed(ADA);
        var failure = core.failureOf(() -> attributes.updateOwn(new OwnChangeCommand(accessTokenOf(ada),
                Map.of("name", "Ada", "phone_number", "01234 567890"), CONTEXT)));

        assertThat(failure.error().getMessage()).isEqualTo("Invalid phone number format.");
        assertThat(failure.event().errorCode()).contains(ErrorCode.INVALID_PARAMETER);
        assertThat(stored(ADA).attributes().isEmpty()).isTrue();
    }

    @Test
    void aWriteTheClientIsNotAllowedIsNotAuthorized() {
        User ada = core.seed(ADA);
        var failure = core.failureOf(() -> strictAttributes.updateOwn(new OwnChangeCommand(accessTokenOf(ada),
                Map.of("name", "Ada", "website", "https://example.com"), CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.error()).hasMessage("A client attempted to write unauthorized attribute");
        assertThat(stored(ADA).attributes().isEmpty()).isTrue();
        assertThat(core.failureOf(() -> attributes.updateOwn(new OwnChangeCommand(accessTokenOf(ada),
                Map.of("email_verified", "true"), CONTEXT))).error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void theAddressGoesThroughTheAddressChangeNotThisUseCase() {
        User ada = core.seed(ADA);
        var failure = core.failureOf(() -> attributes.updateOwn(new OwnChangeCommand(accessTokenOf(ada),
                Map.of("email", "ada@lovelace.example"), CONTEXT)));
        assertThat(failure.error()).hasMessageStartingWith("Change the address with AddressChange");
        assertThat(stored(ADA).email().value()).isEqualTo(ADA);
    }

    @Test
    void anImmutableCustomAttributeIsSetAtSignUpAndNeverAfter() {
        attributes.addCustomAttributes(new CustomAttributesCommand(Actor.system(), List.of(
                AttributeDefinition.custom("member", AttributeDataType.STRING, false, Optional.empty(), Optional.empty())), CONTEXT));
        User ada = core.registration.signUp(new SignUpCommand(ADA, PASSWORD, Map.of("custom:member", "m-1"), CONTEXT)).user();
        assertThat(ada.attributes().get("custom:member")).hasValue("m-1");

        var failure = core.failureOf(() -> attributes.updateOwn(new OwnChangeCommand(accessTokenOf(ada),
                Map.of("custom:member", "m-2"), CONTEXT)));
        assertThat(failure.error()).hasMessage("Attributes did not conform to the schema: custom:member: Attribute cannot be updated.\n");
        assertThat(core.failureOf(() -> attributes.updateAsAdmin(new AdminChangeCommand(Actor.system(), ADA,
                Map.of("custom:member", "m-2"), CONTEXT))).error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(stored(ADA).attributes().get("custom:member")).hasValue("m-1");
    }

    @Test
    void aRequiredAttributeIsNeededAtSignUpAndCannotBeDeleted() {
        var missing = core.failureOf(() -> strictRegistration.signUp(new SignUpCommand(ADA, PASSWORD, Map.of("nickname", "Countess"), CONTEXT)));
        assertThat(missing.error()).hasMessage("Attributes did not conform to the schema: name: The attribute is required\n");
        assertThat(core.directory.find(CoreWithFakes.email(ADA))).isEmpty();

        User ada = strictRegistration.signUp(new SignUpCommand(ADA, PASSWORD, Map.of("name", "Ada", "nickname", "Countess"), CONTEXT)).user();
        var refused = core.failureOf(() -> strictAttributes.deleteOwn(new OwnDeletionCommand(accessTokenOf(ada), List.of("name"), CONTEXT)));
        assertThat(refused.error()).hasMessage("Attributes did not conform to the schema: name: The attribute is required\n");

        var deleted = core.onlyEventOf(() -> strictAttributes.deleteOwn(new OwnDeletionCommand(accessTokenOf(ada), List.of("nickname"), CONTEXT)));
        assertThat(deleted.type()).isEqualTo(AuditEventType.ATTRIBUTES_DELETED);
        assertThat(stored(ADA).attributes()).isEqualTo(UserAttributes.of(Map.of("name", "Ada")));
    }

    @Test
    void signUpRefusesUnknownAttributesAndOnesTheClientMayNotWrite() {
        assertThat(core.failureOf(() -> core.registration.signUp(new SignUpCommand(ADA, PASSWORD, Map.of("favourite", "x"), CONTEXT)))
                .error()).hasMessage("Attributes did not conform to the schema: favourite: Attribute does not exist in the schema.\n");
        assertThat(core.failureOf(() -> strictRegistration.signUp(new SignUpCommand(ADA, PASSWORD, Map.of("name", "Ada", "website", "w"), CONTEXT)))
                .error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(core.failureOf(() -> core.registration.signUp(new SignUpCommand(ADA, PASSWORD, Map.of("email", "eve@example.com"), CONTEXT)))
                .error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(core.directory.find(CoreWithFakes.email(ADA))).isEmpty();
    }

    @Test
    void anOperatorChangesAnyMutableAttributeAndVouchesForTheAddress() {
        User ada = core.seed(ADA);
        var events = core.auditLog.size();
        User after = attributes.updateAsAdmin(new AdminChangeCommand(Actor.system(), ada.id().value(),
                Map.of("website", "https://example.com", "email_verified", "true"), CONTEXT));

        assertThat(after.emailVerified()).isTrue();
        assertThat(stored(ADA).attributes().get("website")).hasValue("https://example.com");
        assertThat(core.eventsSince(events)).extracting(e -> e.type())
                .containsExactly(AuditEventType.ATTRIBUTES_UPDATED, AuditEventType.EMAIL_VERIFIED);
        assertThat(core.failureOf(() -> attributes.updateAsAdmin(new AdminChangeCommand(Actor.system(), ADA,
                Map.of("email_verified", "false"), CONTEXT))).error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);

        var deleted = core.onlyEventOf(() -> attributes.deleteAsAdmin(new AdminDeletionCommand(Actor.system(), ADA, List.of("website"), CONTEXT)));
        assertThat(deleted.actor()).isEqualTo(Actor.system());
        assertThat(stored(ADA).attributes().isEmpty()).isTrue();
        assertThat(core.failureOf(() -> attributes.deleteAsAdmin(new AdminDeletionCommand(Actor.system(), ADA, List.of("email"), CONTEXT)))
                .error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void customAttributesAreDeclaredOnceEachWithAnEvent() {
        AttributeDefinition age = AttributeDefinition.custom("age", AttributeDataType.NUMBER, true, Optional.of(0L), Optional.of(150L));
        var added = core.onlyEventOf(() -> attributes.addCustomAttributes(new CustomAttributesCommand(Actor.system(), List.of(age), CONTEXT)));
        assertThat(added.type()).isEqualTo(AuditEventType.CUSTOM_ATTRIBUTES_ADDED);
        assertThat(attributes.schema().find("custom:age")).contains(age);

        var again = core.failureOf(() -> attributes.addCustomAttributes(new CustomAttributesCommand(Actor.system(), List.of(age), CONTEXT)));
        assertThat(again.error()).hasMessage("custom:age: Existing attribute already has name custom:age.");
        assertThat(attributes.schema().custom()).containsExactly(age);
    }
}
