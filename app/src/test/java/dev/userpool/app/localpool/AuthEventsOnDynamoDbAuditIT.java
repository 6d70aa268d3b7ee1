package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.dynamodb.Dynalite;
import dev.userpool.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListUserAuthEventsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventType;

/**
 * AdminListUserAuthEvents with the audit trail in DynamoDB ({@code USERPOOL_AUDIT=dynamodb}, on dynalite):
 * the history's pages are filled across DynamoDB's own pages and cursors, past the refreshes between the
 * sign-ins, so every page is full and no event is lost or shown twice.
 */
class AuthEventsOnDynamoDbAuditIT {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Correct-Horse-9!";

    @TempDir
    Path work;

    @Test
    void theHistoryPagesOverDynamoDbsCursors() {
        MutableClock clock = MutableClock.at(Instant.now());
        try (Dynalite dynalite = Dynalite.inMemory();
             RunningApp app = RunningApp.start(Map.of(
                     "USERPOOL_AUDIT", "dynamodb",
                     "USERPOOL_DYNAMODB_TABLE", "userpool-audit",
                     "USERPOOL_DYNAMODB_ENDPOINT", dynalite.endpoint().toString(),
                     "USERPOOL_DYNAMODB_CREATE_TABLE", "true",
                     "AWS_REGION", "us-east-1",
                     "USERPOOL_DATA_DIR", work.toString()), clock);
             CognitoIdentityProviderClient cognito = CognitoSdk.client(app.baseUrl())) {
            String email = "dynamo-history@example.com";
            cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
            clock.advance(Duration.ofSeconds(1));   // events of one instant are ordered by their random ids
            cognito.adminConfirmSignUp(b -> b.userPoolId(POOL).username(email));
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                String ip = "203.0.113." + i;
                String refreshToken = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))
                        .contextData(AdminInitiateAuthTest.context(ip, "curl/8.5.0"))).authenticationResult().refreshToken();
                for (int r = 0; r < i; r++) {   // refreshes are in the trail but not in Cognito's history
                    clock.advance(Duration.ofMillis(100));
                    cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                            .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
                }
            }

            List<AuthEventType> all = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                AdminListUserAuthEventsResponse page = cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username(email)
                        .maxResults(2).nextToken(next));
                all.addAll(page.authEvents());
                sizes.add(page.authEvents().size());
                token = page.nextToken();
            } while (token != null);

            assertThat(sizes).containsExactly(2, 2, 2);
            assertThat(all).extracting(AuthEventType::eventType).containsExactly(EventType.SIGN_IN, EventType.SIGN_IN,
                    EventType.SIGN_IN, EventType.SIGN_IN, EventType.SIGN_IN, EventType.SIGN_UP);
            assertThat(all.subList(0, 5)).extracting(e -> e.eventContextData().ipAddress()).containsExactly("203.0.113.4",
                    "203.0.113.3", "203.0.113.2", "203.0.113.1", "203.0.113.0");
            assertThat(all).extracting(AuthEventType::eventId).doesNotHaveDuplicates();
        }
    }
}
