package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.contract.AuthenticatorContract;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authenticator contract on {@link dev.userpool.cognito.CognitoAuthenticator} signing in server-side
 * ({@code USERPOOL_COGNITO_AUTH_FLOW=ADMIN_USER_PASSWORD_AUTH}: AdminInitiateAuth with admin credentials)
 * against the embedded app, whose AdminInitiateAuth keeps the lockout and audit of every sign-in.
 */
class CognitoAdapterAdminSignInOnLocalPoolIT extends AuthenticatorContract {
    private static final String OFFLINE = "AWS: tokens are verified offline against the pool's JWKS, and \"revoked tokens will still be valid if they are verified using any JWT library that verifies the signature and expiration of the token\" (Revoking refresh tokens, Amazon Cognito Developer Guide); refresh tokens stop at once";

    @RegisterExtension
    static final ContractExceptions AWS = new ContractExceptions()
            .skip("globalSignOutEndsRefreshAndIssuedTokens", OFFLINE)
            .skip("changingThePasswordEndsOtherSessions", OFFLINE);

    static LocalPoolForCognitoAdapter bed;

    @BeforeAll
    static void start() {
        bed = LocalPoolForCognitoAdapter.start(SignInFlow.ADMIN_USER_PASSWORD_AUTH);
    }

    @AfterAll
    static void stop() {
        if (bed != null) bed.close();
    }

    @Override
    protected Authenticator authenticator() {
        return bed.authenticator;
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return bed.verifier;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.lastCodeSentTo(email);
    }

    @Test
    void theAdapterSignsInThroughAdminInitiateAuthAndTheServerRecordsIt() {
        EmailAddress email = confirmedAccount();

        Tokens tokens = authenticator().signIn(email, password()).tokens();

        assertThat(tokenVerifier().verify(tokens.idToken()).email()).contains(email);
        var trail = bed.app.component().auditQueries().forEmail(email.value(), PageRequest.first(20)).items();
        assertThat(trail).filteredOn(e -> e.type() == AuditEventType.SIGN_IN).extracting(AuditEvent::passwordChecked)
                .containsExactly(java.util.Optional.of(true));
    }
}
