package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.ManagedLogin;
import dev.userpool.core.testing.InMemoryBrowserSessions;
import dev.userpool.core.testing.InMemoryFactorSignIn;
import dev.userpool.core.testing.InMemoryPendingSignIns;
import dev.userpool.core.testing.InMemorySignInPolicyStore;
import dev.userpool.core.port.out.Authenticator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 on the managed login's use case: which passwordless first factors the pages offer a client
 * (the pool's sign-in policy, the client's {@code ALLOW_USER_AUTH}, whether passkeys are served), the
 * refusal of one not offered (nothing mailed), and an emailed code that opens a browser session.
 */
class ManagedLoginFactorsTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();
    private final InMemorySignInPolicyStore policies = new InMemorySignInPolicyStore();
    private final ChoiceBasedSignIn choice = new ChoiceBasedSignInService(core.authentication, new NoPasskeys(), core.directory,
            new InMemoryPendingSignIns(), new InMemoryFactorSignIn(core.directory, core.tokens), policies,
            SignInPolicy.allFactors(), false, core.mailer, core.auditLog, core.clock);

    private MultiFactorService multiFactor() {
        return new MultiFactorService(Optional.empty(), core.authenticator, core.tokens, core.directory, core.auditLog,
                UserEnumerationProtection.on(), core.clock);
    }

    /**
     * The in-memory authenticator, except that it lets the refresh token of {@link InMemoryFactorSignIn}'s sign-ins
     * go (they are no session of its own; the embedded adapter's factor sign-ins are its authenticator's).
     */
    private Authenticator revokingFactorTokens() {
        return (Authenticator) Proxy.newProxyInstance(Authenticator.class.getClassLoader(), new Class<?>[] {Authenticator.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("revokeRefreshToken") && ((String) args[0]).startsWith("fake-factor-refresh.")) {
                        return null;
                    }
                    try {
                        return method.invoke(core.authenticator, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ManagedLogin login(boolean passkeysServed) {
        return new ManagedLoginService(core.authentication, multiFactor(), revokingFactorTokens(), core.tokens,
                new InMemoryBrowserSessions(), core.auditLog, core.clock, Optional.of(choice), passkeysServed);
    }

    private static AppClient client(String... explicitAuthFlows) {
        return new AppClient("rp", "RP", Optional.empty(), Set.of("code"), Set.of("openid"), List.of("https://rp.example/cb"),
                List.of(), Set.of(explicitAuthFlows), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30));
    }

    @Test
    void theFactorsOfferedAreThoseThePolicyTheClientAndThePoolAllAllow() {
        AppClient choosing = client(AppClientRules.ALLOW_USER_AUTH);

        assertThat(login(true).passwordlessFactors(choosing)).containsExactlyInAnyOrder(AuthFactor.EMAIL_OTP, AuthFactor.WEB_AUTHN);
        assertThat(login(false).passwordlessFactors(choosing)).containsExactly(AuthFactor.EMAIL_OTP);
        assertThat(login(true).passwordlessFactors(client(AppClientRules.ALLOW_USER_SRP_AUTH))).isEmpty();
        policies.store(new SignInPolicy(EnumSet.of(AuthFactor.PASSWORD, AuthFactor.WEB_AUTHN)));
        assertThat(login(true).passwordlessFactors(choosing)).containsExactly(AuthFactor.WEB_AUTHN);
        assertThat(new ManagedLoginService(core.authentication, multiFactor(), core.authenticator, core.tokens, new InMemoryBrowserSessions(),
                core.auditLog, core.clock).passwordlessFactors(choosing)).as("without choice-based sign-in").isEmpty();
    }

    @Test
    void aFactorNotOfferedIsRefusedAndNothingIsMailed() {
        core.signUpAndConfirm("alice@example.com");
        int mailed = core.mailer.delivered().size();

        assertThatThrownBy(() -> login(true).sendEmailCode(client(), "alice@example.com", CONTEXT))
                .isInstanceOf(UserPoolException.class).extracting(e -> ((UserPoolException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThatThrownBy(() -> login(false).startPasskey(client(AppClientRules.ALLOW_USER_AUTH), "alice@example.com", CONTEXT))
                .isInstanceOf(UserPoolException.class).hasMessageContaining("WEB_AUTHN");
        assertThat(core.mailer.delivered()).hasSize(mailed);
    }

    @Test
    void theEmailedCodeOpensABrowserSessionAfterTheCoresOwnEvents() {
        User alice = core.signUpAndConfirm("alice@example.com");
        ManagedLogin login = login(false);
        AppClient choosing = client(AppClientRules.ALLOW_USER_AUTH);
        int before = core.auditLog.size();

        ChoiceBasedSignIn.EmailOtpChallenge challenge = login.sendEmailCode(choosing, "alice@example.com", CONTEXT);
        String code = core.mailer.lastTo(email("alice@example.com")).orElseThrow().oneTimeCode().orElseThrow();
        ManagedLogin.Outcome outcome = login.answerEmailCode(choosing,
                new ChoiceBasedSignIn.CodeAnswer("alice@example.com", challenge.session(), code, CONTEXT));

        assertThat(outcome).isInstanceOfSatisfying(ManagedLogin.Outcome.SessionOpened.class,
                opened -> assertThat(opened.session().user()).isEqualTo(alice.id()));
        assertThat(core.eventsSince(before)).extracting(AuditEvent::type).containsExactly(AuditEventType.EMAIL_OTP_SENT,
                AuditEventType.EMAIL_OTP_SIGN_IN, AuditEventType.MANAGED_LOGIN_SIGN_IN);
    }
}
