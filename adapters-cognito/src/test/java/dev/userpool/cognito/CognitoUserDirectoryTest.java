package dev.userpool.cognito;

import static dev.userpool.cognito.StubCognito.JSON;
import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.cognito.StubCognito.Answer;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** What the directory asks Cognito, over the wire, and how it reads the answers. */
class CognitoUserDirectoryTest {
    private static final EmailAddress ALICE = new EmailAddress("alice@example.com");
    private static final Password PASSWORD = Password.of("Correct-Horse-9");
    /** Alice's account as the core read it before a change. */
    private static final User UNCONFIRMED = User.signedUp(new UserId("sub-alice"), ALICE, Instant.parse("2025-03-01T10:00:00Z"));
    private static final AppClient WITH_SECRET = AppClient.withSecret("client-1", "s3cr3t-of-the-client");

    private final StubCognito stub = new StubCognito();
    private final CognitoIdentityProviderClient client = stub.client();
    private final CognitoUserDirectory directory = new CognitoUserDirectory(client, stub.pool(), WITH_SECRET);

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private void aliceIs(String status, boolean verified) {
        stub.always("AdminGetUser", Answer.ok(StubCognito.adminGetUser("sub-alice", ALICE.value(), status, verified, true)));
    }

    private static ObjectNode signedUp(boolean withDelivery) {
        ObjectNode body = JSON.createObjectNode().put("UserSub", "sub-alice").put("UserConfirmed", false);
        if (withDelivery) {
            body.putObject("CodeDeliveryDetails").put("Destination", "a***@e***.com").put("DeliveryMedium", "EMAIL")
                    .put("AttributeName", "email");
        }
        return body;
    }

    @Test
    void signUpSendsTheAddressAsUsernameAndAttributeWithTheSecretHashAndReadsTheAccountBack() {
        stub.answer("SignUp", Answer.ok(signedUp(true)));
        aliceIs("UNCONFIRMED", false);

        var outcome = directory.signUp(ALICE, PASSWORD, true);

        var request = stub.last("SignUp");
        assertThat(request.text("ClientId")).isEqualTo("client-1");
        assertThat(request.text("Username")).isEqualTo("alice@example.com");
        assertThat(request.text("Password")).isEqualTo("Correct-Horse-9");
        assertThat(request.text("SecretHash")).isEqualTo(WITH_SECRET.secretHash("alice@example.com").orElseThrow());
        assertThat(request.body().path("UserAttributes").toString()).isEqualTo("[{\"Name\":\"email\",\"Value\":\"alice@example.com\"}]");
        assertThat(stub.last("AdminGetUser").text("UserPoolId")).isEqualTo(StubCognito.POOL_ID);
        assertThat(outcome.user().id()).isEqualTo(new UserId("sub-alice"));
        assertThat(outcome.user().status()).isEqualTo(UserStatus.UNCONFIRMED);
        assertThat(outcome.user().emailVerified()).isFalse();
        assertThat(outcome.codeDelivery()).contains(new CodeDelivery("a***@e***.com", "EMAIL", "email"));
    }

    @Test
    void signUpReportsWhatCognitoDidNotWhatWasAsked() {
        stub.answer("SignUp", Answer.ok(signedUp(false)), Answer.ok(signedUp(true)));
        aliceIs("UNCONFIRMED", false);

        assertThat(directory.signUp(ALICE, PASSWORD, true).codeDelivery()).as("a pool that does not auto-verify email").isEmpty();
        assertThat(directory.signUp(ALICE, PASSWORD, false).codeDelivery()).as("a pool that does").isPresent();
    }

    @Test
    void aRefusedSignUpNeverRepeatsThePassword() {
        stub.answer("SignUp", Answer.error("InvalidPasswordException", "Password Correct-Horse-9 did not conform with policy"));

        var e = assertRefused(() -> directory.signUp(ALICE, PASSWORD, true), ErrorCode.INVALID_PASSWORD);
        assertThat(e.getMessage()).doesNotContain("Correct-Horse-9");
        assertThat(stub.requests("AdminGetUser")).isEmpty();
    }

    @Test
    void confirmationAndResendNameTheUserWithTheSecretHash() {
        stub.answer("ResendConfirmationCode", Answer.ok("{\"CodeDeliveryDetails\":{\"Destination\":\"a***@e***.com\","
                + "\"DeliveryMedium\":\"EMAIL\",\"AttributeName\":\"email\"}}"));

        directory.confirmSignUp(UNCONFIRMED.confirm(ConfirmationMethod.CODE), ConfirmationCode.parse("123456"));
        CodeDelivery delivery = directory.resendConfirmationCode(ALICE);

        String hash = WITH_SECRET.secretHash("alice@example.com").orElseThrow();
        assertThat(stub.last("ConfirmSignUp").text("ConfirmationCode")).isEqualTo("123456");
        assertThat(stub.last("ConfirmSignUp").text("SecretHash")).isEqualTo(hash);
        assertThat(stub.last("ResendConfirmationCode").text("SecretHash")).isEqualTo(hash);
        assertThat(delivery).isEqualTo(CodeDelivery.email(ALICE));
    }

    @Test
    void aWrongCodeIsCodeMismatchWithoutTheCode() {
        stub.answer("ConfirmSignUp", Answer.error("CodeMismatchException", "Code 654321 mismatch"));

        var e = assertRefused(() -> directory.confirmSignUp(UNCONFIRMED.confirm(ConfirmationMethod.CODE),
                ConfirmationCode.parse("654321")), ErrorCode.CODE_MISMATCH);
        assertThat(e.getMessage()).doesNotContain("654321");
    }

    @Test
    void adminCallsNameThePoolAndTheUser() {
        User confirmed = UNCONFIRMED.confirm(ConfirmationMethod.ADMIN).after();
        directory.save(UNCONFIRMED.confirm(ConfirmationMethod.ADMIN));
        directory.save(confirmed.verifyEmail());
        directory.save(confirmed.disable());
        directory.save(confirmed.disable().after().enable());
        directory.delete(ALICE);

        assertThat(stub.operations()).containsExactly("AdminConfirmSignUp", "AdminUpdateUserAttributes", "AdminDisableUser",
                "AdminEnableUser", "AdminDeleteUser");
        stub.requests().forEach(r -> {
            assertThat(r.text("UserPoolId")).isEqualTo(StubCognito.POOL_ID);
            assertThat(r.text("Username")).isEqualTo("alice@example.com");
            assertThat(r.body().has("SecretHash")).as("admin calls are signed with IAM credentials instead").isFalse();
        });
        assertThat(stub.last("AdminUpdateUserAttributes").body().path("UserAttributes").toString())
                .isEqualTo("[{\"Name\":\"email_verified\",\"Value\":\"true\"}]");
    }

    @Test
    void linkCompletionConfirmsAnUnconfirmedAccountBeforeMarkingItsAddress() {
        directory.save(UNCONFIRMED.completeLinkVerification());
        assertThat(stub.operations()).containsExactly("AdminConfirmSignUp", "AdminUpdateUserAttributes");

        directory.save(UNCONFIRMED.confirm(ConfirmationMethod.ADMIN).after().completeLinkVerification());
        assertThat(stub.operations()).as("an account already confirmed: only its address")
                .containsExactly("AdminConfirmSignUp", "AdminUpdateUserAttributes", "AdminUpdateUserAttributes");
    }

    @Test
    void disablingOrEnablingIsAskedOfCognitoEvenWhenTheAccountReadSeemedThatWayAlready() {
        directory.save(UNCONFIRMED.enable());
        directory.save(UNCONFIRMED.disable().after().disable());

        assertThat(stub.operations()).containsExactly("AdminEnableUser", "AdminDisableUser");
    }

    @Test
    void findReadsTheAccountAndAnUnknownAddressIsAbsent() {
        stub.answer("AdminGetUser", Answer.ok(StubCognito.adminGetUser("sub-alice", "alice@example.com", "CONFIRMED", true, false)),
                Answer.error("UserNotFoundException", "User does not exist."));

        User alice = directory.find(ALICE).orElseThrow();
        assertThat(alice.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(alice.emailVerified()).isTrue();
        assertThat(alice.enabled()).isFalse();
        assertThat(alice.createdAt().getEpochSecond()).isEqualTo(1_700_000_000L);
        assertThat(directory.find(ALICE)).isEmpty();
    }

    @Test
    void findFailsWhenCognitoFailsRatherThanSayingNobodyIsThere() {
        stub.always("AdminGetUser", Answer.error("ResourceNotFoundException", "User pool does not exist."));

        assertRefused(() -> directory.find(ALICE), ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void findByIdAsksForTheSub() {
        ObjectNode page = JSON.createObjectNode();
        page.putArray("Users").add(StubCognito.listedUser("sub-alice", "alice@example.com", "CONFIRMED", true));
        stub.answer("ListUsers", Answer.ok(page), Answer.ok("{\"Users\":[]}"));

        assertThat(directory.findById(new UserId("sub-alice"))).map(User::email).contains(ALICE);
        assertThat(stub.last("ListUsers").text("Filter")).isEqualTo("sub = \"sub-alice\"");
        assertThat(directory.findById(new UserId("sub-bob"))).isEmpty();
    }

    @Test
    void anIdThatCannotBeASubIsAbsentWithoutAskingCognito() {
        assertThat(directory.findById(new UserId("x\" or email ^= \""))).isEmpty();
        assertThat(stub.requests()).isEmpty();
    }

    private static ObjectNode usersPage(List<ObjectNode> users, String nextToken) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray("Users");
        users.forEach(array::add);
        if (nextToken != null) page.put("PaginationToken", nextToken);
        return page;
    }

    private static List<ObjectNode> users(String prefix, int from, int count, boolean verified) {
        List<ObjectNode> users = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            users.add(StubCognito.listedUser("sub-" + i, prefix + i + "@example.com", "CONFIRMED", verified));
        }
        return users;
    }

    @Test
    void anEmailPrefixGoesToCognitoAndItsPagesAreOurs() {
        stub.answer("ListUsers", Answer.ok(usersPage(users("a", 0, 2, true), "t2")), Answer.ok(usersPage(users("a", 2, 1, true), null)));
        UserFilter byPrefix = new UserFilter(Optional.empty(), Optional.empty(), Optional.of("a"));

        Page<User> first = directory.list(byPrefix, PageRequest.first(2));
        Page<User> second = directory.list(byPrefix, new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(u -> u.id().value()).containsExactly("sub-0", "sub-1");
        assertThat(second.items()).extracting(u -> u.id().value()).containsExactly("sub-2");
        assertThat(second.nextCursor()).isEmpty();
        var requests = stub.requests("ListUsers");
        assertThat(requests.get(0).text("Filter")).isEqualTo("email ^= \"a\"");
        assertThat(requests.get(0).body().path("Limit").asInt()).isEqualTo(2);
        assertThat(requests.get(0).body().has("PaginationToken")).isFalse();
        assertThat(requests.get(1).text("PaginationToken")).isEqualTo("t2");
    }

    @Test
    void unconfirmedGoesToCognitoWhenThereIsNoPrefix() {
        stub.answer("ListUsers", Answer.ok(usersPage(List.of(), null)));

        directory.list(new UserFilter(Optional.of(UserStatus.UNCONFIRMED), Optional.empty(), Optional.empty()), PageRequest.first(5));

        assertThat(stub.last("ListUsers").text("Filter")).isEqualTo("cognito:user_status = \"UNCONFIRMED\"");
    }

    @Test
    void whatCognitoCannotFilterIsSiftedHereAndAPageFillsAcrossCognitoPages() {
        List<ObjectNode> page1 = new ArrayList<>(users("v", 0, 2, true));
        page1.addAll(users("u", 2, 3, false));
        stub.answer("ListUsers", Answer.ok(usersPage(page1, "t2")), Answer.ok(usersPage(users("u", 5, 2, false), null)));
        UserFilter unverified = new UserFilter(Optional.empty(), Optional.of(false), Optional.empty());

        Page<User> first = directory.list(unverified, PageRequest.first(4));

        assertThat(first.items()).extracting(u -> u.id().value()).containsExactly("sub-2", "sub-3", "sub-4", "sub-5");
        assertThat(stub.requests("ListUsers")).hasSize(2);
        assertThat(stub.requests("ListUsers").get(0).body().path("Limit").asInt()).isEqualTo(CognitoUserListing.COGNITO_PAGE_LIMIT);
        assertThat(stub.requests("ListUsers").get(0).body().has("Filter")).isFalse();

        // the next page starts inside Cognito's second page, after the user already shown
        stub.answer("ListUsers", Answer.ok(usersPage(users("u", 5, 2, false), null)));
        Page<User> second = directory.list(unverified, new PageRequest(4, first.nextCursor()));
        assertThat(second.items()).extracting(u -> u.id().value()).containsExactly("sub-6");
        assertThat(second.nextCursor()).isEmpty();
        assertThat(stub.last("ListUsers").text("PaginationToken")).isEqualTo("t2");
    }

    @Test
    void aFilterThatMatchesLittleReadsABoundedNumberOfCognitoPagesPerCall() {
        for (int i = 0; i < 25; i++) {
            stub.answer("ListUsers", Answer.ok(usersPage(users("v", i * 60, 60, true), "t" + (i + 1))));
        }
        UserFilter unverified = new UserFilter(Optional.empty(), Optional.of(false), Optional.empty());

        Page<User> page = directory.list(unverified, PageRequest.first(10));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).as("the listing goes on where it stopped").isPresent();
        assertThat(stub.requests("ListUsers")).hasSize(CognitoUserListing.MAX_COGNITO_PAGES_PER_CALL);
        directory.list(unverified, new PageRequest(10, page.nextCursor()));
        assertThat(stub.requests("ListUsers").get(CognitoUserListing.MAX_COGNITO_PAGES_PER_CALL).text("PaginationToken"))
                .isEqualTo("t" + CognitoUserListing.MAX_COGNITO_PAGES_PER_CALL);
    }

    @Test
    void aUserTheCoreCannotRepresentIsLeftOutRatherThanBreakingTheListing() {
        ObjectNode phoneOnly = JSON.createObjectNode().put("Username", "+15550100").put("UserStatus", "CONFIRMED").put("Enabled", true);
        phoneOnly.putArray("Attributes").add(StubCognito.attribute("sub", "sub-phone")).add(StubCognito.attribute("phone_number", "+15550100"));
        List<ObjectNode> users = new ArrayList<>(users("a", 0, 1, true));
        users.add(phoneOnly);
        users.addAll(users("a", 1, 1, true));
        stub.answer("ListUsers", Answer.ok(usersPage(users, null)));

        Page<User> page = directory.list(UserFilter.all(), PageRequest.first(10));

        assertThat(page.items()).extracting(u -> u.id().value()).containsExactly("sub-0", "sub-1");
    }

    @Test
    void aCursorFromOtherFiltersIsInvalidParameter() {
        stub.answer("ListUsers", Answer.ok(usersPage(users("a", 0, 2, true), "t2")));
        Page<User> page = directory.list(new UserFilter(Optional.empty(), Optional.empty(), Optional.of("a")), PageRequest.first(2));

        assertRefused(() -> directory.list(new UserFilter(Optional.empty(), Optional.empty(), Optional.of("b")),
                new PageRequest(2, page.nextCursor())), ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void quotesInAPrefixCannotEscapeTheFilter() {
        stub.answer("ListUsers", Answer.ok(usersPage(List.of(), null)));

        directory.list(new UserFilter(Optional.empty(), Optional.empty(), Optional.of("a\"b\\")), PageRequest.first(1));

        assertThat(stub.last("ListUsers").text("Filter")).isEqualTo("email ^= \"a\\\"b\\\\\"");
    }
}
