package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.cognito.StubCognito.Answer;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link CognitoSoftwareTokens} sends and how it reads Cognito's answers, against a stub endpoint that
 * speaks Cognito's wire protocol (the real SDK client serialises): the holder's access token on
 * AssociateSoftwareToken / VerifySoftwareToken, the by-id forms refused without a call, {@code Status: ERROR}
 * read as a wrong code, the settings from AdminGetUser, and no secret in any message.
 */
class CognitoSoftwareTokensTest {
    private static final String ACCESS_TOKEN = "eyJraWQiOiJ0ZXN0In0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    private final StubCognito stub = new StubCognito();
    private final CognitoSoftwareTokens apps = new CognitoSoftwareTokens(stub.client(), stub.pool());
    private final UserId user = new UserId(UUID.randomUUID().toString());

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void theByIdFormsAreRefusedWithTheReasonAndCallNothing() {
        assertThat(assertRefused(() -> apps.associate(user), ErrorCode.INVALID_PARAMETER)).hasMessageContaining("access token");
        assertThat(assertRefused(() -> apps.verify(user, new TotpCode("123456")), ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("access token");
        assertThat(stub.operations()).isEmpty();
    }

    @Test
    void theHoldersAccessTokenGoesToCognito() {
        stub.answer("AssociateSoftwareToken", Answer.ok("{\"SecretCode\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}"));
        assertThat(apps.associate(user, ACCESS_TOKEN).base32()).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        assertThat(stub.last("AssociateSoftwareToken").text("AccessToken")).isEqualTo(ACCESS_TOKEN);

        stub.answer("VerifySoftwareToken", Answer.ok("{\"Status\":\"SUCCESS\"}"));
        stub.always("AdminGetUser", Answer.ok(StubCognito.adminGetUser(user.value(), "alice@example.com", "CONFIRMED", true, true)));
        assertThat(apps.verify(user, ACCESS_TOKEN, new TotpCode("123456")).softwareTokenVerified()).isTrue();
        assertThat(stub.last("VerifySoftwareToken").text("UserCode")).isEqualTo("123456");
        assertThat(stub.last("AdminGetUser").text("Username")).isEqualTo(user.value());
    }

    @Test
    void aWrongCodeIsEnableSoftwareTokenMfaHoweverCognitoSaysIt() {
        stub.answer("VerifySoftwareToken", Answer.ok("{\"Status\":\"ERROR\"}"),
                Answer.error("CodeMismatchException", "Invalid code received for user 654321"),
                Answer.error("EnableSoftwareTokenMFAException", "Code mismatch"));
        for (int i = 0; i < 3; i++) {
            assertThat(assertRefused(() -> apps.verify(user, ACCESS_TOKEN, new TotpCode("654321")), ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA))
                    .hasMessageNotContaining("654321").hasMessageNotContaining(ACCESS_TOKEN);
        }
    }

    @Test
    void settingsAreTheFactorsCognitoReportsOn() {
        var on = StubCognito.adminGetUser(user.value(), "alice@example.com", "CONFIRMED", true, true);
        on.putArray("UserMFASettingList").add("SOFTWARE_TOKEN_MFA");
        on.put("PreferredMfaSetting", "SOFTWARE_TOKEN_MFA");
        stub.answer("AdminGetUser", Answer.ok(on),
                Answer.ok(StubCognito.adminGetUser(user.value(), "alice@example.com", "CONFIRMED", true, true)));
        assertThat(apps.settings(user)).isEqualTo(new MfaSettings(true, true, true));
        assertThat(apps.settings(user)).isEqualTo(MfaSettings.NONE);
    }

    @Test
    void removingAnAppThatIsOffChangesNothing() {
        stub.always("AdminGetUser", Answer.ok(StubCognito.adminGetUser(user.value(), "alice@example.com", "CONFIRMED", true, true)));
        assertThat(apps.remove(user)).isFalse();
        assertThat(stub.requests("AdminSetUserMFAPreference")).isEmpty();
    }
}
