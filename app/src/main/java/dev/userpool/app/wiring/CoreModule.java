package dev.userpool.app.wiring;

import java.util.Optional;
import dev.userpool.core.port.out.SignInChallenges;
import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.AdminGroupSetting;
import dev.userpool.app.config.Settings;
import dev.userpool.app.config.AttributeSettings;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.AttributePolicy;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.service.AccountAttributesService;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.AuditQueries;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.domain.InvitationSettings;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.Registration;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.service.PasswordAdministrationService;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.service.AdministrationService;
import dev.userpool.core.service.AuditQueryService;
import dev.userpool.core.service.AuthenticationService;
import dev.userpool.core.service.GroupAdministrationService;
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
        return new AdminPolicy(settings.adminEmails(), AdminGroupSetting.from(settings.environment()));
    }

    @Provides
    @Singleton
    static AttributePolicy attributePolicy(Settings settings) {
        return AttributeSettings.from(settings.environment());
    }

    @Provides
    @Singleton
    static Registration registration(UserDirectory directory, EmailVerifier verifier, AuditLog audit,
                                     PasswordPolicy policy, Settings settings, UserEnumerationProtection protection,
                                     Clock clock, AttributePolicy attributes) {
        VerificationMode mode = settings.verification() == Settings.VerificationChoice.LINK
                ? VerificationMode.LINK : VerificationMode.CODE;
        return new RegistrationService(directory, verifier, audit, policy, mode, protection, clock, attributes);
    }

    @Provides
    @Singleton
    static AccountAttributes accountAttributes(UserDirectory directory, TokenVerifier tokens, AuditLog audit,
                                               AttributePolicy attributes, Clock clock) {
        return new AccountAttributesService(directory, tokens, audit, attributes, clock);
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
                                         Mailer mailer, AuditLog audit, AdminPolicy adminPolicy, Clock clock,
                                         GroupDirectory groups) {
        return new AdministrationService(directory, authenticator, tokens, mailer, audit, adminPolicy, clock, groups);
    }

    /** App clients and resource servers (issue 15); the default client is the one of USERPOOL_CLIENT_ID (or the Cognito adapter's). */
    @Provides
    @Singleton
    static dev.userpool.core.port.in.AppClientAdministration appClientAdministration(
            dev.userpool.core.port.out.AppClientDirectory clients, dev.userpool.core.port.out.ResourceServerDirectory servers,
            AuditLog audit, Clock clock, dev.userpool.app.config.LocalPoolSettings pool) {
        return new dev.userpool.core.service.AppClientAdministrationService(clients, servers, audit, clock, pool.clientId());
    }

    @Provides
    @Singleton
    static GroupAdministration groupAdministration(GroupDirectory groups, UserDirectory directory, AuditLog audit, Clock clock) {
        return new GroupAdministrationService(groups, directory, audit, clock);
    }

    /**
     * Invitations: the temporary password works for {@code USERPOOL_TEMPORARY_PASSWORD_DAYS} (Cognito's
     * TemporaryPasswordValidityDays, 7 by default), and the mail points to the app's sign-in page.
     */
    @Provides
    static InvitationSettings invitationSettings(Settings settings) {
        int days = settings.environment().integer("USERPOOL_TEMPORARY_PASSWORD_DAYS", InvitationSettings.DEFAULT_DAYS, 1, 365);
        String base = settings.baseUrl().toString();
        return InvitationSettings.days(days, java.net.URI.create(base + (base.endsWith("/") ? "" : "/") + "signin.html"));
    }

    @Provides
    @Singleton
    static PasswordAdministration passwordAdministration(UserDirectory directory, AccountProvisioner provisioner,
                                                         Mailer mailer, AuditLog audit, PasswordPolicy policy,
                                                         InvitationSettings invitations, Clock clock) {
        return new PasswordAdministrationService(directory, provisioner, mailer, audit, policy, invitations, clock);
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

    /** Second factors (issue 14, TOTP MFA): enrolment where the directory keeps the apps, the sign-in's second step. */
    @Provides
    @Singleton
    static dev.userpool.core.port.in.MultiFactor multiFactor(Optional<dev.userpool.core.port.out.SoftwareTokens> tokens,
                                                            Authenticator authenticator, TokenVerifier verifier,
                                                            UserDirectory directory, AuditLog audit,
                                                            UserEnumerationProtection protection, Clock clock) {
        return new dev.userpool.core.service.MultiFactorService(tokens, authenticator, verifier, directory, audit, protection, clock);
    }
}
