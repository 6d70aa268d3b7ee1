package dev.userpool.app.wiring;

import java.util.Optional;
import dev.userpool.core.port.out.SignInChallenges;
import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.Settings;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.AuditQueries;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Registration;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.service.AdministrationService;
import dev.userpool.core.service.AuditQueryService;
import dev.userpool.core.service.AuthenticationService;
import dev.userpool.core.service.RegistrationService;
import dev.userpool.core.service.RegistrationService.VerificationMode;
import dev.userpool.core.service.UserEnumerationProtection;
import java.time.Clock;
import javax.inject.Singleton;

/** The core's use cases, built on whatever out-ports the edge module binds. Tests keep this module as is. */
@Module
public final class CoreModule {
    private CoreModule() {}

    @Provides
    static PasswordPolicy passwordPolicy() {
        return PasswordPolicy.cognitoDefault();
    }

    @Provides
    static UserEnumerationProtection protection(Settings settings) {
        return new UserEnumerationProtection(settings.preventUserExistenceErrors());
    }

    @Provides
    static AdminPolicy adminPolicy(Settings settings) {
        return new AdminPolicy(settings.adminEmails());
    }

    @Provides
    @Singleton
    static Registration registration(UserDirectory directory, EmailVerifier verifier, AuditLog audit,
                                     PasswordPolicy policy, Settings settings, UserEnumerationProtection protection,
                                     Clock clock) {
        VerificationMode mode = settings.verification() == Settings.VerificationChoice.LINK
                ? VerificationMode.LINK : VerificationMode.CODE;
        return new RegistrationService(directory, verifier, audit, policy, mode, protection, clock);
    }

    @Provides
    @Singleton
    static Authentication authentication(Authenticator authenticator, TokenVerifier tokens, UserDirectory directory,
                                         Mailer mailer, AuditLog audit, PasswordPolicy policy,
                                         UserEnumerationProtection protection, Clock clock,
                                         Optional<SignInChallenges> challenges) {
        return new AuthenticationService(authenticator, tokens, directory, mailer, audit, policy, protection, clock,
                challenges);
    }

    @Provides
    @Singleton
    static Administration administration(UserDirectory directory, Authenticator authenticator, TokenVerifier tokens,
                                         Mailer mailer, AuditLog audit, AdminPolicy adminPolicy, Clock clock) {
        return new AdministrationService(directory, authenticator, tokens, mailer, audit, adminPolicy, clock);
    }

    /** Changing the address with a code to the new one (issue 13). */
    @Provides
    @Singleton
    static dev.userpool.core.port.in.AddressChange addressChange(dev.userpool.core.port.out.EmailChanges changes,
                                                                UserDirectory directory, TokenVerifier tokens,
                                                                Mailer mailer, AuditLog audit, Clock clock) {
        return new dev.userpool.core.service.AddressChangeService(changes, directory, tokens, mailer, audit, clock);
    }

    @Provides
    @Singleton
    static AuditQueries auditQueries(AuditLog audit, UserDirectory directory) {
        return new AuditQueryService(audit, directory);
    }
}
