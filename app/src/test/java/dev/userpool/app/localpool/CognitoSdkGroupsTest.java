package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.GroupRules;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.embedded.EmbeddedSettings;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The group operations of the local pool through the AWS SDK for Java's own Cognito client: Cognito's
 * shapes, errors and messages, one audit event per change, {@code cognito:groups} in the tokens in
 * precedence order, and admin rights through the admin group.
 */
class CognitoSdkGroupsTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;

    private RunningApp app;
    private ApiClient api;
    private CognitoIdentityProviderClient cognito;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of());
        api = new ApiClient(app.baseUrl());
        cognito = CognitoSdk.client(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (cognito != null) cognito.close();
        if (app != null) app.close();
    }

    @Test
    void aGroupIsCreatedReadUpdatedListedAndDeletedInCognitosShapes() {
        GroupType created = cognito.createGroup(b -> b.userPoolId(POOL).groupName("riders").description("Unicorn riders")
                .precedence(2).roleArn("arn:aws:iam::123456789012:role/Riders")).group();
        assertThat(created.groupName()).isEqualTo("riders");
        assertThat(created.userPoolId()).isEqualTo(POOL);
        assertThat(created.description()).isEqualTo("Unicorn riders");
        assertThat(created.precedence()).isEqualTo(2);
        assertThat(created.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/Riders");
        assertThat(created.creationDate()).isNotNull().isEqualTo(created.lastModifiedDate());
        assertThat(cognito.getGroup(b -> b.userPoolId(POOL).groupName("riders")).group()).isEqualTo(created);

        GroupType bare = cognito.createGroup(b -> b.userPoolId(POOL).groupName("walkers")).group();
        assertThat(bare.description()).isNull();
        assertThat(bare.precedence()).isNull();
        assertThat(bare.roleArn()).isNull();

        GroupType updated = cognito.updateGroup(b -> b.userPoolId(POOL).groupName("riders").precedence(0)).group();
        assertThat(updated.precedence()).isZero();
        assertThat(updated.description()).as("left out: unchanged").isEqualTo("Unicorn riders");
        assertThat(updated.creationDate()).isEqualTo(created.creationDate());

        ListGroupsResponse first = cognito.listGroups(b -> b.userPoolId(POOL).limit(1));
        assertThat(first.groups()).extracting(GroupType::groupName).containsExactly("riders");
        assertThat(first.nextToken()).isNotBlank();
        ListGroupsResponse second = cognito.listGroups(b -> b.userPoolId(POOL).limit(1).nextToken(first.nextToken()));
        assertThat(second.groups()).extracting(GroupType::groupName).containsExactly("walkers");
        assertThat(second.nextToken()).isNull();

        cognito.deleteGroup(b -> b.userPoolId(POOL).groupName("walkers"));
        assertThat(cognito.listGroups(b -> b.userPoolId(POOL)).groups()).extracting(GroupType::groupName).containsExactly("riders");

        assertThat(changes()).extracting(AuditEvent::type).containsExactly(AuditEventType.GROUP_CREATED,
                AuditEventType.GROUP_CREATED, AuditEventType.GROUP_UPDATED, AuditEventType.GROUP_DELETED);
    }

    @Test
    void badInputGetsCognitosErrorsAndNothingIsWritten() {
        cognito.createGroup(b -> b.userPoolId(POOL).groupName("riders"));

        assertThatThrownBy(() -> cognito.createGroup(b -> b.userPoolId(POOL).groupName("riders")))
                .isInstanceOf(GroupExistsException.class).satisfies(message("A group with the name already exists."));
        assertThatThrownBy(() -> cognito.createGroup(b -> b.userPoolId(POOL).groupName("two words")))
                .isInstanceOf(InvalidParameterException.class).satisfies(message("1 validation error detected: Value 'two words' at "
                        + "'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"));
        assertThatThrownBy(() -> cognito.createGroup(b -> b.userPoolId(POOL).groupName("g".repeat(129))))
                .isInstanceOf(InvalidParameterException.class).satisfies(messageContaining("Member must have length less than or equal to 128"));
        assertThatThrownBy(() -> cognito.createGroup(b -> b.userPoolId(POOL).groupName("negative").precedence(-1)))
                .isInstanceOf(InvalidParameterException.class).satisfies(message("1 validation error detected: Value '-1' at "
                        + "'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0"));
        assertThatThrownBy(() -> cognito.createGroup(b -> b.userPoolId(POOL).groupName("wordy").description("d".repeat(2049))))
                .isInstanceOf(InvalidParameterException.class).satisfies(messageContaining("Member must have length less than or equal to 2048"));
        assertThatThrownBy(() -> cognito.createGroup(b -> b.userPoolId(POOL).groupName("roles").roleArn("not an arn at all, no")))
                .isInstanceOf(InvalidParameterException.class).satisfies(messageContaining("at 'roleArn'"));
        assertThatThrownBy(() -> cognito.updateGroup(b -> b.userPoolId(POOL).groupName("riders").precedence(-3)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.createGroup(b -> b.userPoolId(POOL)))
                .isInstanceOf(InvalidParameterException.class).satisfies(messageContaining("Value null at 'groupName'"));
        assertThatThrownBy(() -> cognito.listGroups(b -> b.userPoolId(POOL).limit(61)))
                .isInstanceOf(InvalidParameterException.class).satisfies(messageContaining("Member must have value less than or equal to 60"));

        assertThat(cognito.listGroups(b -> b.userPoolId(POOL)).groups()).extracting(GroupType::groupName).containsExactly("riders");
        assertThat(cognito.getGroup(b -> b.userPoolId(POOL).groupName("riders")).group().precedence()).isNull();
    }

    @Test
    void unknownGroupsAndUsersGetCognitosErrors() {
        String email = confirmedUser();
        cognito.createGroup(b -> b.userPoolId(POOL).groupName("riders"));

        for (Runnable call : List.<Runnable>of(
                () -> cognito.getGroup(b -> b.userPoolId(POOL).groupName("nope")),
                () -> cognito.updateGroup(b -> b.userPoolId(POOL).groupName("nope").description("d")),
                () -> cognito.deleteGroup(b -> b.userPoolId(POOL).groupName("nope")),
                () -> cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("nope").username(email)),
                () -> cognito.adminRemoveUserFromGroup(b -> b.userPoolId(POOL).groupName("nope").username(email)),
                () -> cognito.listUsersInGroup(b -> b.userPoolId(POOL).groupName("nope")))) {
            assertThatThrownBy(call::run).isInstanceOf(ResourceNotFoundException.class).satisfies(message("Group not found."));
        }
        assertThatThrownBy(() -> cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("riders").username("ghost@example.com")))
                .isInstanceOf(UserNotFoundException.class).satisfies(message("User does not exist."));
        assertThatThrownBy(() -> cognito.adminListGroupsForUser(b -> b.userPoolId(POOL).username("ghost@example.com")))
                .isInstanceOf(UserNotFoundException.class).satisfies(message("User does not exist."));
        assertThatThrownBy(() -> cognito.getGroup(b -> b.userPoolId("us-east-1_Other").groupName("riders")))
                .isInstanceOf(ResourceNotFoundException.class).satisfies(message("User pool us-east-1_Other does not exist."));
    }

    @Test
    void membersAreAddedListedBothWaysAndRemoved() {
        String email = confirmedUser();
        String sub = cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).username();
        cognito.createGroup(b -> b.userPoolId(POOL).groupName("riders").precedence(1));
        cognito.createGroup(b -> b.userPoolId(POOL).groupName("editors"));

        cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("riders").username(email));
        cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("editors").username(sub));
        cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("editors").username(sub));   // again: no change

        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(POOL).username(email)).groups())
                .extracting(GroupType::groupName).containsExactly("editors", "riders");
        List<UserType> members = cognito.listUsersInGroup(b -> b.userPoolId(POOL).groupName("riders")).users();
        assertThat(members).extracting(UserType::username).containsExactly(sub);
        assertThat(members.get(0).attributes()).anySatisfy(a -> assertThat(a.value()).isEqualTo(email));

        cognito.adminRemoveUserFromGroup(b -> b.userPoolId(POOL).groupName("riders").username(email));
        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(POOL).username(sub)).groups())
                .extracting(GroupType::groupName).containsExactly("editors");
        assertThat(cognito.listUsersInGroup(b -> b.userPoolId(POOL).groupName("riders")).users()).isEmpty();

        List<AuditEvent> memberships = changes().stream().filter(e -> e.type() == AuditEventType.USER_ADDED_TO_GROUP
                || e.type() == AuditEventType.USER_REMOVED_FROM_GROUP).toList();
        assertThat(memberships).hasSize(4).allSatisfy(e -> assertThat(e.email()).isEqualTo(email));
    }

    @Test
    void aUserInAHundredGroupsCannotJoinAnother() {
        String email = confirmedUser();
        for (int i = 0; i < GroupRules.GROUPS_PER_USER; i++) {
            String name = "g" + i;
            cognito.createGroup(b -> b.userPoolId(POOL).groupName(name));
            cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName(name).username(email));
        }
        cognito.createGroup(b -> b.userPoolId(POOL).groupName("one-more"));

        assertThatThrownBy(() -> cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("one-more").username(email)))
                .isInstanceOf(LimitExceededException.class).satisfies(messageContaining("maximum number of groups (100)"));
        assertThat(cognito.listUsersInGroup(b -> b.userPoolId(POOL).groupName("one-more")).users()).isEmpty();
        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(POOL).username(email).limit(60)).nextToken()).isNotBlank();
    }

    @Test
    void tokensCarryTheGroupsByPrecedenceAfterSignInAndRefreshAndLoseARemovedOne() throws ParseException {
        String email = confirmedUser();
        for (Object[] g : new Object[][] {{"zeta", null}, {"riders", 5}, {"alpha", null}, {"editors", 0}, {"beta", 5}}) {
            cognito.createGroup(b -> b.userPoolId(POOL).groupName((String) g[0]).precedence((Integer) g[1]));
            cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName((String) g[0]).username(email));
        }
        List<String> expected = List.of("editors", "beta", "riders", "alpha", "zeta");

        AuthenticationResultType signedIn = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", ApiClient.PASSWORD))).authenticationResult();
        assertThat(groups(signedIn.idToken())).containsExactlyElementsOf(expected);
        assertThat(groups(signedIn.accessToken())).containsExactlyElementsOf(expected);

        AuthenticationResultType refreshed = refresh(signedIn.refreshToken());
        assertThat(groups(refreshed.idToken())).containsExactlyElementsOf(expected);
        assertThat(groups(refreshed.accessToken())).containsExactlyElementsOf(expected);

        cognito.adminRemoveUserFromGroup(b -> b.userPoolId(POOL).groupName("beta").username(email));
        cognito.deleteGroup(b -> b.userPoolId(POOL).groupName("zeta"));
        AuthenticationResultType next = refresh(signedIn.refreshToken());
        assertThat(groups(next.idToken())).containsExactly("editors", "riders", "alpha");
        assertThat(groups(next.accessToken())).containsExactly("editors", "riders", "alpha");
    }

    @Test
    void membersOfTheAdminsGroupAdministerAndARemovedMemberNoLonger() {
        String email = confirmedUser();
        String token = api.accessToken(email);
        assertThat(api.get("/api/admin/users", token).status()).isEqualTo(403);

        cognito.createGroup(b -> b.userPoolId(POOL).groupName("admins"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("admins").username(email));
        assertThat(api.get("/api/admin/users", token).status()).as("the same token, now a member").isEqualTo(200);

        cognito.adminRemoveUserFromGroup(b -> b.userPoolId(POOL).groupName("admins").username(email));
        assertThat(api.get("/api/admin/users", token).status()).as("the same token, no longer a member").isEqualTo(403);
    }

    @Test
    void theAdminGroupIsTheConfiguredOne() {
        app.close();
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_GROUP", "operators"));
        api = new ApiClient(app.baseUrl());
        cognito.close();
        cognito = CognitoSdk.client(app.baseUrl());
        String email = confirmedUser();
        String token = api.accessToken(email);
        cognito.createGroup(b -> b.userPoolId(POOL).groupName("admins"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("admins").username(email));
        assertThat(api.get("/api/admin/users", token).status()).as("admins is just a group now").isEqualTo(403);

        cognito.createGroup(b -> b.userPoolId(POOL).groupName("operators"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(POOL).groupName("operators").username(email));
        assertThat(api.get("/api/admin/users", token).status()).isEqualTo(200);
    }

    /** The SDK's HTTP client may not send an Origin header, as a browser does: the request is made by hand. */
    @Test
    void theGroupOperationsAreAdminOperationsRefusedFromWebPages() {
        java.net.http.HttpRequest fromPage = java.net.http.HttpRequest.newBuilder(app.url("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateGroup")
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"" + POOL + "\",\"GroupName\":\"riders\"}"))
                .build();
        ApiClient.Response answer = api.send(fromPage);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(cognito.listGroups(b -> b.userPoolId(POOL)).groups()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private String confirmedUser() {
        String email = "grp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);
        return email;
    }

    private AuthenticationResultType refresh(String refreshToken) {
        return cognito.initiateAuth(b -> b.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).clientId(CLIENT)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }

    private static List<String> groups(String token) throws ParseException {
        List<String> claim = SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("cognito:groups");
        return claim == null ? List.of() : claim;
    }

    /** The successful group events, oldest first. */
    private List<AuditEvent> changes() {
        List<AuditEvent> all = new ArrayList<>();
        PageRequest page = PageRequest.first(60);
        while (true) {
            var found = app.component().auditLog().between(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60), page);
            all.addAll(found.items());
            if (found.nextCursor().isEmpty()) break;
            page = new PageRequest(60, found.nextCursor());
        }
        return all.stream().filter(e -> e.type().name().contains("GROUP")).filter(e -> e.outcome() == Outcome.SUCCESS)
                .sorted(java.util.Comparator.comparing(AuditEvent::occurredAt)).toList();
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> message(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> messageContaining(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).contains(expected);
    }
}
