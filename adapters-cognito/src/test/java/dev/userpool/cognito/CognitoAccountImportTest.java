package dev.userpool.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.cognito.StubCognito.Answer;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AccountImport.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The import's calls as Cognito receives them, on the scripted endpoint. */
class CognitoAccountImportTest {
    private static final EmailAddress ALICE = new EmailAddress("alice@example.com");

    private final StubCognito stub = new StubCognito();
    private final List<Duration> pauses = new ArrayList<>();
    private final CognitoAccountImport accounts = new CognitoAccountImport(stub.client(), stub.pool(), pauses::add, 3);

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void createsWithoutMailKeepingTheAddressesVerificationThenGivesAPasswordNobodyKnows() {
        assertThat(accounts.create(ALICE, true, UserAttributes.none())).isEqualTo(Result.CREATED);
        assertThat(accounts.create(new EmailAddress("bob@example.com"), false, UserAttributes.none())).isEqualTo(Result.CREATED);

        List<StubCognito.Request> created = stub.requests("AdminCreateUser");
        assertThat(created.get(0).text("UserPoolId")).isEqualTo(StubCognito.POOL_ID);
        assertThat(created.get(0).text("Username")).isEqualTo("alice@example.com");
        assertThat(created.get(0).text("MessageAction")).isEqualTo("SUPPRESS");
        assertThat(created.get(0).body().path("TemporaryPassword").isMissingNode()).isTrue();
        assertThat(created.get(0).body().path("UserAttributes").toString())
                .contains("{\"Name\":\"email\",\"Value\":\"alice@example.com\"}", "{\"Name\":\"email_verified\",\"Value\":\"true\"}");
        assertThat(created.get(1).body().path("UserAttributes").toString()).contains("{\"Name\":\"email_verified\",\"Value\":\"false\"}");

        List<StubCognito.Request> passwords = stub.requests("AdminSetUserPassword");
        assertThat(passwords).hasSize(2);
        assertThat(passwords.get(0).body().path("Permanent").asBoolean()).isTrue();
        String first = passwords.get(0).text("Password");
        assertThat(first).hasSize(40).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*").matches(".*[^A-Za-z0-9].*");
        assertThat(passwords.get(1).text("Password")).isNotEqualTo(first);
        assertThat(stub.operations()).containsExactly("AdminCreateUser", "AdminSetUserPassword", "AdminCreateUser", "AdminSetUserPassword");
    }

    @Test
    void theAccountsAttributesArriveWithIt() {
        accounts.create(ALICE, true, UserAttributes.of(java.util.Map.of("name", "Alice Liddell", "custom:plan", "gold")));

        String sent = stub.requests("AdminCreateUser").get(0).body().path("UserAttributes").toString();
        assertThat(sent).contains("{\"Name\":\"name\",\"Value\":\"Alice Liddell\"}",
                "{\"Name\":\"custom:plan\",\"Value\":\"gold\"}", "{\"Name\":\"email\",\"Value\":\"alice@example.com\"}");
    }

    @Test
    void aGroupArrivesAsTheOldPoolKeptItAndAnExistingOneIsLeftAlone() {
        stub.answer("CreateGroup", Answer.ok("{}"));
        stub.answer("CreateGroup", Answer.error("GroupExistsException", "A group with the name already exists."));

        assertThat(accounts.createGroup(new GroupName("editors"), "They edit", java.util.Optional.of(3),
                java.util.Optional.of("arn:aws:iam::123456789012:role/editors"))).isEqualTo(Result.CREATED);
        assertThat(accounts.createGroup(new GroupName("readers"), "", java.util.Optional.empty(), java.util.Optional.empty()))
                .isEqualTo(Result.ALREADY_EXISTS);

        List<StubCognito.Request> sent = stub.requests("CreateGroup");
        assertThat(sent.get(0).text("GroupName")).isEqualTo("editors");
        assertThat(sent.get(0).text("Description")).isEqualTo("They edit");
        assertThat(sent.get(0).body().path("Precedence").asInt()).isEqualTo(3);
        assertThat(sent.get(0).text("RoleArn")).isEqualTo("arn:aws:iam::123456789012:role/editors");
        assertThat(sent.get(1).body().has("Description")).as("no description is none, not an empty one").isFalse();
        assertThat(sent.get(1).body().has("Precedence")).isFalse();
    }

    @Test
    void aMemberIsNamedByTheAddressAndAMissingGroupOrAccountIsTheImportsToReport() {
        stub.answer("AdminAddUserToGroup", Answer.ok("{}"));
        stub.answer("AdminAddUserToGroup", Answer.error("ResourceNotFoundException", "Group not found."));
        stub.answer("AdminAddUserToGroup", Answer.error("UserNotFoundException", "User does not exist."));

        accounts.addToGroup(new GroupName("editors"), ALICE);
        assertThat(stub.requests("AdminAddUserToGroup").get(0).text("Username")).isEqualTo("alice@example.com");
        assertThatThrownBy(() -> accounts.addToGroup(new GroupName("gone"), ALICE))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
        assertThatThrownBy(() -> accounts.addToGroup(new GroupName("editors"), ALICE))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
    }

    @Test
    void anAccountThatExistsIsLeftAlone() {
        stub.answer("AdminCreateUser", Answer.error("UsernameExistsException", "User account already exists"));
        stub.always("AdminGetUser", Answer.ok(StubCognito.adminGetUser("sub-alice", ALICE.value(), "CONFIRMED", true, true)));

        assertThat(accounts.create(ALICE, true, UserAttributes.none())).isEqualTo(Result.ALREADY_EXISTS);
        assertThat(stub.operations()).containsExactly("AdminCreateUser", "AdminGetUser");
    }

    @Test
    void anAccountAnInterruptedImportLeftWithoutPasswordIsFinished() {
        stub.answer("AdminCreateUser", Answer.error("UsernameExistsException", "User account already exists"));
        stub.always("AdminGetUser", Answer.ok(StubCognito.adminGetUser("sub-alice", ALICE.value(), "FORCE_CHANGE_PASSWORD", true, true)));

        assertThat(accounts.create(ALICE, true, UserAttributes.none())).isEqualTo(Result.CREATED);
        assertThat(stub.operations()).containsExactly("AdminCreateUser", "AdminGetUser", "AdminSetUserPassword");
    }

    @Test
    void throttlingIsWaitedOutBeyondTheSdksOwnRetries() {
        Answer throttled = Answer.error("TooManyRequestsException", "Too many requests");
        stub.answer("AdminCreateUser", throttled, throttled, throttled, throttled);

        assertThat(accounts.create(ALICE, true, UserAttributes.none())).isEqualTo(Result.CREATED);
        assertThat(stub.requests("AdminCreateUser")).hasSize(5);
        assertThat(pauses).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(Duration.ofMillis(250), Duration.ofSeconds(16)));
    }

    @Test
    void throttlingThatNeverEndsFailsAsUnavailable() {
        stub.always("AdminCreateUser", Answer.error("TooManyRequestsException", "Too many requests"));

        assertThatThrownBy(() -> accounts.create(ALICE, true, UserAttributes.none())).isInstanceOf(UserPoolException.class)
                .satisfies(e -> assertThat(((UserPoolException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(pauses).hasSize(2);
        assertThat(stub.operations()).doesNotContain("AdminSetUserPassword");
    }

    @Test
    void aRefusalOtherThanExistingIsTheCoresErrorWithCognitosWords() {
        stub.always("AdminCreateUser", Answer.error("InvalidParameterException", "Attributes did not conform to the schema"));

        assertThatThrownBy(() -> accounts.create(ALICE, false, UserAttributes.none())).isInstanceOf(UserPoolException.class)
                .hasMessageContaining("did not conform")
                .satisfies(e -> assertThat(((UserPoolException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThat(pauses).isEmpty();
    }
}
