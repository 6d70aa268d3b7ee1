package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.http.LocalEndpoints;
import dev.userpool.app.http.ReplicaStatus;
import dev.userpool.app.http.cognito.CognitoApi;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.SignInChallenges;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.testing.FakeEmailVerifier;
import dev.userpool.core.testing.FakeTokenVerifier;
import dev.userpool.core.testing.InMemoryAuditLog;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.testing.InMemoryAccountProvisioner;
import dev.userpool.core.testing.InMemoryAuthenticator;
import dev.userpool.core.testing.InMemoryGroupDirectory;
import dev.userpool.core.testing.InMemoryUserDirectory;
import dev.userpool.core.testing.RecordingMailer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.inject.Singleton;

/** The edges as the core's in-memory fakes, with a switch that makes the directory fail on demand. */
@Module
final class FakeEdgeModule {
    private FakeEdgeModule() {}

    @Provides @Singleton static FailureSwitch failures() { return new FailureSwitch(); }

    /** Choice-based sign-in with emailed codes (issue 14) on the in-memory fakes: no passkeys, no SRP. */
    @Provides
    @Singleton
    static dev.userpool.core.port.in.ChoiceBasedSignIn choiceBasedSignIn(dev.userpool.core.port.in.Authentication authentication,
            InMemoryUserDirectory directory, FakeTokenVerifier tokens, RecordingMailer mailer, InMemoryAuditLog audit, Clock clock) {
        return new dev.userpool.core.service.ChoiceBasedSignInService(authentication, new dev.userpool.core.service.NoPasskeys(),
                directory, new dev.userpool.core.testing.InMemoryPendingSignIns(),
                new dev.userpool.core.testing.InMemoryFactorSignIn(directory, tokens),
                new dev.userpool.core.testing.InMemorySignInPolicyStore(), dev.userpool.core.domain.SignInPolicy.allFactors(),
                false, mailer, audit, clock);
    }
    @Provides @Singleton static InMemoryUserDirectory memoryDirectory(Clock clock) { return new InMemoryUserDirectory(clock); }
    @Provides @Singleton static FakeTokenVerifier fakeTokens(Clock clock) { return new FakeTokenVerifier(clock); }
    @Provides @Singleton static RecordingMailer recordingMailer() { return new RecordingMailer(); }
    @Provides @Singleton static InMemoryAuditLog memoryAudit() { return new InMemoryAuditLog(); }
    @Provides @Singleton static FakeEmailVerifier fakeVerifier() { return new FakeEmailVerifier(); }

    @Provides
    @Singleton
    static UserDirectory directory(InMemoryUserDirectory directory, FailureSwitch failures) {
        return failures.guard(UserDirectory.class, directory);
    }

    @Provides @Singleton static InMemoryGroupDirectory memoryGroups(InMemoryUserDirectory directory) { return new InMemoryGroupDirectory(directory); }
    @Provides static GroupDirectory groupDirectory(InMemoryGroupDirectory groups) { return groups; }

    @Provides
    @Singleton
    static InMemoryAuthenticator memoryAuthenticator(InMemoryUserDirectory directory, FakeTokenVerifier tokens, AdminPolicy admins,
                                                     InMemoryGroupDirectory groups) {
        return new InMemoryAuthenticator(directory, tokens, user -> {
            Set<String> named = new java.util.LinkedHashSet<>(groups.tokenGroupsOf(user.id()));
            named.addAll(admins.groupsOf(user));
            return named;
        });
    }

    @Provides static Authenticator authenticator(InMemoryAuthenticator authenticator) { return authenticator; }

    @Provides
    @Singleton
    static AccountProvisioner provisioner(InMemoryUserDirectory directory, InMemoryAuthenticator authenticator) {
        return new InMemoryAccountProvisioner(directory, authenticator);
    }

    @Provides static TokenVerifier tokenVerifier(FakeTokenVerifier tokens) { return tokens; }
    @Provides @Singleton static dev.userpool.core.port.out.EmailChanges emailChanges(InMemoryUserDirectory directory) {
        return new dev.userpool.core.testing.InMemoryEmailChanges(directory);
    }
    @Provides static Mailer mailer(RecordingMailer mailer) { return mailer; }
    @Provides static AuditLog auditLog(InMemoryAuditLog log) { return log; }
    @Provides static EmailVerifier emailVerifier(FakeEmailVerifier verifier) { return verifier; }
    @Provides static LocalEndpoints localEndpoints() { return LocalEndpoints.none(); }
    @Provides static ReplicaStatus replicaStatus() { return ReplicaStatus.none(); }
    /** The fake edge poses no SRP challenges: challenge sign-ins are refused, as with USERPOOL_SRP=off. */
    @Provides static Optional<SignInChallenges> signInChallenges() { return Optional.empty(); }
    @Provides static Optional<dev.userpool.core.port.out.SoftwareTokens> softwareTokens() { return Optional.empty(); }
    @Provides static CognitoApi cognitoApi(ObjectMapper json) { return CognitoApi.notServed("The fake edge serves no Cognito API.", json); }
    @Provides static Set<MeterBinder> meterBinders() { return Set.of(); }
    @Provides static Set<AutoCloseable> resources() { return Set.of(); }
    /** The fake edge serves no OAuth endpoints (issue 15: they need the embedded pool). */
    @Provides static Optional<dev.userpool.app.http.oauth.OAuthEndpoints> noOAuthEndpoints() { return Optional.empty(); }
}
