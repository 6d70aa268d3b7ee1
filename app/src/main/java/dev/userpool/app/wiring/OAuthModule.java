package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.Settings;
import dev.userpool.app.http.oauth.OAuthEndpoints;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.AuthorizationServer;
import dev.userpool.core.port.in.ManagedLogin;
import dev.userpool.core.port.in.Registration;
import dev.userpool.embedded.SqliteAppClientDirectory;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.service.AuthorizationServerService;
import dev.userpool.core.service.ManagedLoginService;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.EmbeddedSettings;
import dev.userpool.embedded.SigningKeys;
import dev.userpool.embedded.SqliteAuthorizationCodes;
import dev.userpool.embedded.SqliteBrowserSessions;
import dev.userpool.embedded.SqliteOAuthTokens;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * The OAuth 2.0 / OpenID Connect endpoints and managed login (issue 15): served for the embedded pool
 * only (with {@code USERPOOL_DIRECTORY=cognito}, the Cognito domain serves its own), on the embedded
 * adapter's codes, browser sessions and tokens.
 */
@Module
public final class OAuthModule {
    private OAuthModule() {}

    @Provides
    @Singleton
    static AuthorizationServer authorizationServer(SqliteAppClientDirectory clients, EmbeddedDatabase db, SigningKeys keys,
                                                   EmbeddedSettings settings, UserDirectory directory, AuditLog audit, Clock clock) {
        return new AuthorizationServerService(clients, new SqliteAuthorizationCodes(db, clock),
                new SqliteOAuthTokens(db, keys, settings, clock, clients), directory, audit, clock);
    }

    @Provides
    @Singleton
    static ManagedLogin managedLogin(Authentication authentication, dev.userpool.core.port.in.MultiFactor multiFactor,
                                     Authenticator authenticator, TokenVerifier verifier, EmbeddedDatabase db, AuditLog audit,
                                     Clock clock, dev.userpool.core.port.in.ChoiceBasedSignIn choice,
                                     dev.userpool.core.port.in.Passkeys passkeys) {
        // issue 14: the emailed codes and passkeys of choice-based sign-in, where the policy and the client allow them
        return new ManagedLoginService(authentication, multiFactor, authenticator, verifier, new SqliteBrowserSessions(db),
                audit, clock, Optional.of(choice), passkeys.enabled());
    }

    @Provides
    @Singleton
    static Optional<OAuthEndpoints> oauthEndpoints(Settings settings, Provider<AuthorizationServer> server,
                                                   Provider<ManagedLogin> login, Registration registration,
                                                   Authentication authentication) {
        if (settings.directory() != Settings.DirectoryChoice.EMBEDDED) return Optional.empty();
        return Optional.of(new OAuthEndpoints(server.get(), login.get(), registration, authentication, settings.baseUrl()));
    }
}
