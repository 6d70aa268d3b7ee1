package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaAnswer;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.testing.Oathtool;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, TOTP through Cognito's real API: {@link CognitoSoftwareTokens} sets an authenticator app up
 * with the holder's access token (AssociateSoftwareToken, VerifySoftwareToken), and the adapter's
 * authenticator answers the {@code SOFTWARE_TOKEN_MFA} challenge of the next sign-in. On cognito-local by
 * default; with {@code -Plive-aws} against the pool of {@code USERPOOL_COGNITO_*} (its MFA must be
 * {@code OPTIONAL} with authenticator apps allowed). Codes from oathtool.
 *
 * <p>cognito-local (5.3.0) serves AssociateSoftwareToken, VerifySoftwareToken and SetUserMFAPreference with
 * an access token only (not an {@code MFA_SETUP} session), turns the app on as soon as it is verified (AWS
 * waits for SetUserMFAPreference), accepts a code twice, and has no AdminSetUserMFAPreference: the
 * operator's side runs against real pools (and the local pool, app: CognitoAdapterSoftwareTokensOnLocalPoolIT).
 */
class CognitoSoftwareTokensIT {
    private static final Password PASSWORD = Password.of("Correct-Horse-9!");

    @RegisterExtension
    static final KnownDifferences DIFFERENCES = new KnownDifferences()
            .liveOnly("anOperatorTurnsTheAppOffAndOnThroughTheAdminApi", "cognito-local does not implement AdminSetUserMFAPreference")
            .emulatorOnly("cognitoLocalLacksAdminSetUserMfaPreference", "checks what cognito-local lacks");

    @TempDir
    static Path dataDir;
    static CognitoTestbed bed;
    static CognitoSoftwareTokens apps;

    @BeforeAll
    static void open() {
        bed = CognitoTestbed.open(dataDir);
        apps = new CognitoSoftwareTokens(bed.client, bed.pool);
        // a new cognito-local pool has MFA off; a real pool is the operator's to configure (its MFA OPTIONAL)
        if (CognitoTestbed.onEmulator()) {
            bed.client.setUserPoolMfaConfig(b -> b.userPoolId(bed.pool.userPoolId())
                    .mfaConfiguration(software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType.OPTIONAL)
                    .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        }
    }

    @AfterAll
    static void close() {
        if (bed != null) bed.close();
    }

    @Test
    void theHolderSetsAnAppUpWithTheAccessTokenAndTheNextSignInAsksItsCode() throws InterruptedException {
        EmailAddress email = bed.newAddress("totp-");
        SignedIn first = bed.authenticator.signIn(bed.confirmedWithoutCode(email, PASSWORD), PASSWORD);
        UserId user = first.principal().id();
        String accessToken = first.tokens().accessToken();

        assertThatThrownBy(() -> apps.associate(user)).isInstanceOfSatisfying(UserPoolException.class,
                e -> assertThat(e.getMessage()).isEqualTo(CognitoSoftwareTokens.NEEDS_THE_HOLDER));
        SoftwareTokenSecret secret = apps.associate(user, accessToken);
        String now = Oathtool.code(secret.base32(), Instant.now());
        assertRefused(() -> apps.verify(user, accessToken, new TotpCode(now.equals("000000") ? "111111" : "000000")),
                ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA);
        assertThat(apps.verify(user, accessToken, new TotpCode(now)).softwareTokenVerified()).isTrue();
        if (!CognitoTestbed.onEmulator()) apps.setPreference(user, new SoftwareTokenPreference(true, true));

        MfaRequired challenge = (MfaRequired) bed.authenticator.signInStep(email, PASSWORD);
        assertThat(challenge.kind()).isEqualTo(MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
        assertThat(challenge.user().id()).isEqualTo(user);
        String code = signInCode(secret);
        assertRefused(() -> bed.authenticator.answerMfa(new MfaAnswer(challenge.user(), challenge.kind(), challenge.session(),
                Optional.of(new TotpCode(code.equals("000000") ? "111111" : "000000")))), ErrorCode.CODE_MISMATCH);

        MfaRequired again = (MfaRequired) bed.authenticator.signInStep(email, PASSWORD);
        SignedIn signedIn = bed.authenticator.answerMfa(new MfaAnswer(again.user(), again.kind(), again.session(),
                Optional.of(new TotpCode(code))));
        assertThat(bed.verifier.verify(signedIn.tokens().idToken()).email()).contains(email);
    }

    @Test
    void anOperatorTurnsTheAppOffAndOnThroughTheAdminApi() {
        EmailAddress email = bed.newAddress("totp-admin-");
        SignedIn first = bed.authenticator.signIn(bed.confirmedWithoutCode(email, PASSWORD), PASSWORD);
        UserId user = first.principal().id();
        assertRefused(() -> apps.setPreference(user, new SoftwareTokenPreference(true, false)), ErrorCode.INVALID_PARAMETER);
        SoftwareTokenSecret secret = apps.associate(user, first.tokens().accessToken());
        apps.verify(user, first.tokens().accessToken(), new TotpCode(Oathtool.code(secret.base32(), Instant.now())));

        assertThat(apps.setPreference(user, new SoftwareTokenPreference(true, true)).preferred()).contains(MfaSettings.SOFTWARE_TOKEN_MFA);
        assertThat(bed.authenticator.signInStep(email, PASSWORD)).isInstanceOf(MfaRequired.class);
        assertThat(apps.remove(user)).isTrue();
        assertThat(apps.settings(user).enabledFactors()).isEmpty();
        assertThat(bed.authenticator.signInStep(email, PASSWORD)).isInstanceOf(SignedIn.class);
    }

    @Test
    void cognitoLocalLacksAdminSetUserMfaPreference() {
        EmailAddress email = bed.newAddress("totp-local-");
        SignedIn first = bed.authenticator.signIn(bed.confirmedWithoutCode(email, PASSWORD), PASSWORD);
        assertThatThrownBy(() -> apps.setPreference(first.principal().id(), new SoftwareTokenPreference(false, false)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }

    /**
     * A code for the sign-in's second step: on a real pool from the next time step (the one verified is
     * spent, and AWS takes only the codes around its own clock); cognito-local takes any within ±30 s.
     */
    private static String signInCode(SoftwareTokenSecret secret) throws InterruptedException {
        if (CognitoTestbed.onEmulator()) return Oathtool.code(secret.base32(), Instant.now().plusSeconds(30));
        long intoStep = Instant.now().getEpochSecond() % 30;
        Thread.sleep(Duration.ofSeconds(31 - intoStep).toMillis());
        return Oathtool.code(secret.base32(), Instant.now());
    }
}
