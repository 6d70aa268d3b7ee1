package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.app.config.SignInPolicySettings;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.PasskeyAuthentication;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.FactorSignIn;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.service.ChoiceBasedSignInService;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.EmbeddedSettings;
import dev.userpool.embedded.SigningKeys;
import dev.userpool.embedded.SqliteFactorSignIn;
import dev.userpool.embedded.SqlitePendingSignIns;
import dev.userpool.embedded.SqliteSignInPolicyStore;
import java.time.Clock;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Choice-based sign-in ({@code USER_AUTH}) with emailed codes (issue 14): its pending sign-ins and sign-in
 * policy in the embedded database, sessions for a proven code from the embedded authenticator's tables
 * (with Cognito as the directory, a code sign-in is refused: Cognito serves its own USER_AUTH); the
 * passkeys ({@code WEB_AUTHN}) come from {@link PasskeyModule}.
 */
@Module
abstract class ChoiceSignInModule {
    private ChoiceSignInModule() {}

    @Provides
    @Singleton
    static FactorSignIn factorSignIn(Settings settings, Provider<EmbeddedDatabase> db,
                                     Provider<dev.userpool.embedded.SqliteAuthenticator> authenticator, Clock clock) {
        return switch (settings.directory()) {
            case EMBEDDED -> new SqliteFactorSignIn(db.get(), authenticator.get(), clock);
            case COGNITO -> new dev.userpool.cognito.CognitoFactorSignIn();
        };
    }

    @Provides
    @Singleton
    static ChoiceBasedSignIn choiceBasedSignIn(Settings settings, LocalPoolSettings pool, Authentication authentication,
                                               PasskeyAuthentication passkeys, UserDirectory directory, FactorSignIn factors,
                                               Provider<EmbeddedDatabase> embedded, Mailer mailer, AuditLog audit, Clock clock) {
        SignInPolicy policy = SignInPolicySettings.from(settings.environment());
        // with Cognito as the directory, no embedded database is opened: Cognito serves USER_AUTH itself
        if (settings.directory() != Settings.DirectoryChoice.EMBEDDED) return new CognitoServesChoiceSignIn(policy);
        EmbeddedDatabase db = embedded.get();
        return new ChoiceBasedSignInService(authentication, passkeys, directory, new SqlitePendingSignIns(db), factors,
                new SqliteSignInPolicyStore(db), policy, pool.srp(), mailer, audit, clock);
    }
}
