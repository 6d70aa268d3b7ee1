package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.testing.DirectoryTransitions.verifyEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.Authentication.ChangePasswordCommand;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs every flow with secrets that are easy to spot, then looks for them in every event (and error) there is. */
class AuditEventsCarryNoSecretsTest {
    private static final String PASSWORD = "Pa55-SECRET-first";
    private static final String NEW_PASSWORD = "Pa55-SECRET-second";
    private static final String WRONG_PASSWORD = "Pa55-SECRET-wrong";
    private static final String WEAK_PASSWORD = "weaksecretpass";
    private static final String WRONG_CODE = "WR0NGSECRETC0DE";
    private static final String FORGED_TOKEN = "forged-SECRET-token";

    private final AtomicInteger codes = new AtomicInteger();
    private final CoreWithFakes core = CoreWithFakes.byCodeWithCodesFrom(() -> "C0DESECRET" + codes.incrementAndGet());
    private final Set<String> secrets = new LinkedHashSet<>(
            List.of(PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, WEAK_PASSWORD, WRONG_CODE, FORGED_TOKEN));
    private final List<UserPoolException> errors = new ArrayList<>();

    private void attempt(Runnable call) {
        try {
            call.run();
        } catch (UserPoolException e) {
            errors.add(e);
        }
    }

    private Tokens signIn(String email, String password) {
        Tokens tokens = core.authentication.signIn(new SignInCommand(email, password, CONTEXT));
        secrets.add(tokens.idToken());
        secrets.add(tokens.accessToken());
        tokens.refreshToken().ifPresent(secrets::add);
        return tokens;
    }

    private void runEveryFlow() {
        attempt(() -> core.registration.signUp(new SignUpCommand("alice@example.com", WEAK_PASSWORD, CONTEXT)));
        core.registration.signUp(new SignUpCommand("alice@example.com", PASSWORD, CONTEXT));
        attempt(() -> core.registration.signUp(new SignUpCommand("alice@example.com", PASSWORD, CONTEXT)));
        attempt(() -> core.authentication.signIn(new SignInCommand("alice@example.com", PASSWORD, CONTEXT)));
        attempt(() -> core.registration.confirm(new ConfirmCommand("alice@example.com", WRONG_CODE, CONTEXT)));
        core.registration.resendCode(new EmailCommand("alice@example.com", CONTEXT));
        core.registration.confirm(new ConfirmCommand("alice@example.com", core.codeSentTo("alice@example.com"), CONTEXT));
        attempt(() -> core.registration.confirm(
                new ConfirmCommand("alice@example.com", core.codeSentTo("alice@example.com"), CONTEXT)));

        attempt(() -> core.authentication.signIn(new SignInCommand("alice@example.com", WRONG_PASSWORD, CONTEXT)));
        attempt(() -> core.authentication.signIn(new SignInCommand("ghost@example.com", PASSWORD, CONTEXT)));
        Tokens tokens = signIn("alice@example.com", PASSWORD);
        core.authentication.currentUser(tokens.idToken());
        Tokens refreshed = core.authentication.refresh(new TokenCommand(tokens.refreshToken().orElseThrow(), CONTEXT));
        secrets.add(refreshed.idToken());
        secrets.add(refreshed.accessToken());
        attempt(() -> core.authentication.refresh(new TokenCommand(FORGED_TOKEN, CONTEXT)));

        attempt(() -> core.authentication.changePassword(
                new ChangePasswordCommand(tokens.accessToken(), WRONG_PASSWORD, NEW_PASSWORD, CONTEXT)));
        attempt(() -> core.authentication.changePassword(
                new ChangePasswordCommand(tokens.accessToken(), PASSWORD, WEAK_PASSWORD, CONTEXT)));
        core.authentication.changePassword(new ChangePasswordCommand(tokens.accessToken(), PASSWORD, NEW_PASSWORD, CONTEXT));

        core.authentication.forgotPassword(new EmailCommand("alice@example.com", CONTEXT));
        core.authentication.forgotPassword(new EmailCommand("ghost@example.com", CONTEXT));
        attempt(() -> core.authentication.resetPassword(
                new ResetPasswordCommand("alice@example.com", WRONG_CODE, PASSWORD, CONTEXT)));
        core.authentication.resetPassword(new ResetPasswordCommand("alice@example.com",
                core.resetCodeSentTo("alice@example.com"), PASSWORD, CONTEXT));

        Tokens again = signIn("alice@example.com", PASSWORD);
        attempt(() -> core.authentication.signOut(new TokenCommand(FORGED_TOKEN, CONTEXT)));
        core.authentication.signOut(new TokenCommand(again.accessToken(), CONTEXT));

        core.registration.signUp(new SignUpCommand("carol@example.com", PASSWORD, CONTEXT));
        // This pool verifies by code, so the link is refused; completing it below still reads the verifier.
        attempt(() -> core.registration.sendVerificationLink(new EmailCommand("carol@example.com", CONTEXT)));
        core.emailVerifier.clickLink(CoreWithFakes.email("carol@example.com"));
        runTheOAuthFlows();
        core.registration.completeLinkVerification(new EmailCommand("carol@example.com", CONTEXT));

        core.seed("admin@example.com");
        verifyEmail(core.directory, CoreWithFakes.email("admin@example.com"));   // admins need a verified address
        Tokens adminTokens = signIn("admin@example.com", CoreWithFakes.PASSWORD);
        var admin = core.administration.authorize(adminTokens.accessToken());
        core.registration.signUp(new SignUpCommand("bob@example.com", PASSWORD, CONTEXT));
        core.administration.confirm(core.adminCommand(admin, "bob@example.com"));
        core.administration.disable(core.adminCommand(admin, "bob@example.com"));
        core.administration.enable(core.adminCommand(admin, "bob@example.com"));
        core.administration.delete(new AdminCommand(Actor.system(), "bob@example.com", CONTEXT));

        // admin-created accounts and password administration (issue 13)
        String temporary = "Pa55-SECRET-temporary";
        secrets.add(temporary);
        attempt(() -> core.passwordAdministration.invite(new PasswordAdministration.InviteCommand(Actor.system(),
                "dave@example.com", java.util.Optional.empty(), false, dev.userpool.core.domain.UserAttributes.none(),
                java.util.Optional.of(WEAK_PASSWORD), PasswordAdministration.MessageAction.SEND, CONTEXT)));
        core.passwordAdministration.invite(new PasswordAdministration.InviteCommand(Actor.system(), "dave@example.com",
                java.util.Optional.empty(), false, dev.userpool.core.domain.UserAttributes.none(),
                java.util.Optional.of(temporary), PasswordAdministration.MessageAction.SEND, CONTEXT));
        var step = core.authentication.signInStep(new SignInCommand("dave@example.com", temporary, CONTEXT));
        String session = ((dev.userpool.core.port.in.SignInResult.NewPasswordChallenge) step).challenge().session();
        secrets.add(session);
        attempt(() -> core.authentication.completeNewPassword(
                new Authentication.NewPasswordCommand("dave@example.com", session, WEAK_PASSWORD, CONTEXT)));
        Tokens chosen = core.authentication.completeNewPassword(
                new Authentication.NewPasswordCommand("dave@example.com", session, NEW_PASSWORD, CONTEXT));
        secrets.add(chosen.accessToken());
        secrets.add(chosen.idToken());
        chosen.refreshToken().ifPresent(secrets::add);
        attempt(() -> core.authentication.completeNewPassword(
                new Authentication.NewPasswordCommand("dave@example.com", session, NEW_PASSWORD, CONTEXT)));
        core.passwordAdministration.setPassword(new PasswordAdministration.SetPasswordCommand(Actor.system(),
                "dave@example.com", temporary, false, CONTEXT));
        core.passwordAdministration.setPassword(new PasswordAdministration.SetPasswordCommand(Actor.system(),
                "dave@example.com", PASSWORD, true, CONTEXT));
        verifyEmail(core.directory, CoreWithFakes.email("dave@example.com"));
        core.passwordAdministration.resetPassword(new AdminCommand(Actor.system(), "dave@example.com", CONTEXT));
        // changing the address (issue 13): requested, resent, a wrong code, proven; then back
        var changes = new dev.userpool.core.testing.InMemoryEmailChanges(core.directory);
        var addressChange = new AddressChangeService(changes, core.directory, core.tokens, core.mailer, core.auditLog,
                core.clock);
        Tokens mover = signIn("alice@example.com", PASSWORD);
        addressChange.request(new dev.userpool.core.port.in.AddressChange.RequestCommand(mover.accessToken(),
                "alice.new@example.com", CONTEXT));
        addressChange.resendCode(new TokenCommand(mover.accessToken(), CONTEXT));
        attempt(() -> addressChange.verify(new dev.userpool.core.port.in.AddressChange.VerifyCommand(mover.accessToken(),
                WRONG_CODE, CONTEXT)));
        String changeCode = changes.lastCodeSentTo(CoreWithFakes.email("alice.new@example.com")).orElseThrow();
        secrets.add(changeCode);
        addressChange.verify(new dev.userpool.core.port.in.AddressChange.VerifyCommand(mover.accessToken(), changeCode,
                CONTEXT));
        addressChange.request(new dev.userpool.core.port.in.AddressChange.RequestCommand(mover.accessToken(),
                "alice@example.com", CONTEXT));
        String backCode = changes.lastCodeSentTo(CoreWithFakes.email("alice@example.com")).orElseThrow();
        secrets.add(backCode);
        addressChange.verify(new dev.userpool.core.port.in.AddressChange.VerifyCommand(mover.accessToken(), backCode,
                CONTEXT));
        core.seed("erin@example.com");   // an address nobody verified yet: its own code verifies it
        Tokens erin = signIn("erin@example.com", CoreWithFakes.PASSWORD);
        addressChange.resendCode(new TokenCommand(erin.accessToken(), CONTEXT));
        String erinCode = changes.lastCodeSentTo(CoreWithFakes.email("erin@example.com")).orElseThrow();
        secrets.add(erinCode);
        addressChange.verify(new dev.userpool.core.port.in.AddressChange.VerifyCommand(erin.accessToken(), erinCode, CONTEXT));

        core.authenticator.outdateHash(CoreWithFakes.email("alice@example.com"));
        // groups (issue 13): their events name the administrator and the member, never a token
        var groups = core.groupAdministration;
        groups.create(new dev.userpool.core.port.in.GroupAdministration.NewGroup(Actor.system(), "riders",
                java.util.Optional.of("who rides"), java.util.Optional.of(1), java.util.Optional.empty(), CONTEXT));
        groups.update(new dev.userpool.core.port.in.GroupAdministration.GroupChange(Actor.system(), "riders",
                java.util.Optional.of("who rides often"), java.util.Optional.empty(), java.util.Optional.empty(), CONTEXT));
        groups.addUser(new dev.userpool.core.port.in.GroupAdministration.MembershipCommand(Actor.system(), "riders",
                "alice@example.com", CONTEXT));
        groups.removeUser(new dev.userpool.core.port.in.GroupAdministration.MembershipCommand(Actor.system(), "riders",
                "alice@example.com", CONTEXT));
        groups.delete(new dev.userpool.core.port.in.GroupAdministration.GroupCommand(Actor.system(), "riders", CONTEXT));

        // issue 14, choice-based sign-in with an emailed code: sent, refused, wrong, right; the policy changed
        var choice = new ChoiceBasedSignInService(core.authentication, new NoPasskeys(), core.directory,
                new dev.userpool.core.testing.InMemoryPendingSignIns(),
                new dev.userpool.core.testing.InMemoryFactorSignIn(core.directory, core.tokens),
                new dev.userpool.core.testing.InMemorySignInPolicyStore(), dev.userpool.core.domain.SignInPolicy.allFactors(),
                true, core.mailer, core.auditLog, core.clock);
        var otp = (dev.userpool.core.port.in.ChoiceBasedSignIn.EmailOtpChallenge) choice.start(
                new dev.userpool.core.port.in.ChoiceBasedSignIn.Start("alice@example.com", java.util.Optional.of("EMAIL_OTP"),
                        java.util.Optional.empty(), java.util.Optional.empty(), CONTEXT));
        secrets.add(otp.session());
        String mailed = core.mailer.lastTo(CoreWithFakes.email("alice@example.com")).orElseThrow().oneTimeCode().orElseThrow();
        secrets.add(mailed);
        choice.start(new dev.userpool.core.port.in.ChoiceBasedSignIn.Start("ghost@example.com", java.util.Optional.of("EMAIL_OTP"),
                java.util.Optional.empty(), java.util.Optional.empty(), CONTEXT));
        attempt(() -> choice.answerEmailCode(new dev.userpool.core.port.in.ChoiceBasedSignIn.CodeAnswer("alice@example.com",
                otp.session(), WRONG_CODE, CONTEXT)));
        Tokens byCode = choice.answerEmailCode(new dev.userpool.core.port.in.ChoiceBasedSignIn.CodeAnswer("alice@example.com",
                otp.session(), mailed, CONTEXT));
        secrets.add(byCode.idToken());
        secrets.add(byCode.accessToken());
        byCode.refreshToken().ifPresent(secrets::add);
        choice.changePolicy(dev.userpool.core.domain.SignInPolicy.allFactors(), CONTEXT);
        // issue 14: SELECT_CHALLENGE posed (FIRST_FACTOR_CHOICE_OFFERED), its session never in the event
        var offered = (dev.userpool.core.port.in.ChoiceBasedSignIn.SelectChallenge) choice.start(
                new dev.userpool.core.port.in.ChoiceBasedSignIn.Start("alice@example.com", java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty(), CONTEXT));
        secrets.add(offered.session());

        Tokens last = signIn("alice@example.com", PASSWORD);
        // issue 13, attributes: changes with the access token (and a forged one), and the schema
        var attributes = new AccountAttributesService(core.directory, core.tokens, core.auditLog,
                dev.userpool.core.domain.AttributePolicy.cognitoDefault(), core.clock);
        attributes.addCustomAttributes(new dev.userpool.core.port.in.AccountAttributes.CustomAttributesCommand(Actor.system(),
                List.of(dev.userpool.core.domain.AttributeDefinition.custom("team", dev.userpool.core.domain.AttributeDataType.STRING,
                        true, java.util.Optional.empty(), java.util.Optional.empty())), CONTEXT));
        attempt(() -> attributes.updateOwn(new dev.userpool.core.port.in.AccountAttributes.OwnChangeCommand(FORGED_TOKEN,
                java.util.Map.of("name", "Alice"), CONTEXT)));
        attributes.updateOwn(new dev.userpool.core.port.in.AccountAttributes.OwnChangeCommand(last.accessToken(),
                java.util.Map.of("name", "Alice", "custom:team", "blue"), CONTEXT));
        attributes.deleteOwn(new dev.userpool.core.port.in.AccountAttributes.OwnDeletionCommand(last.accessToken(),
                List.of("custom:team"), CONTEXT));
        multiFactorFlows(last);
        // passkeys (issue 14): added, a sign-in and its replay, deleted — the session and tokens never in an event
        var passkeys = new PasskeyService(dev.userpool.core.domain.RelyingParty.servedAt(java.net.URI.create("http://localhost:8080"),
                "userpool"), "off", new dev.userpool.core.testing.InMemoryPasskeyCredentials(),
                new dev.userpool.core.testing.FakePasskeyCeremonies(), core.tokens, core.directory, core.authenticator,
                core.auditLog, core.clock);
        var device = new dev.userpool.core.testing.SoftPasskeyAuthenticator("http://localhost:8080");
        attempt(() -> passkeys.startRegistration(FORGED_TOKEN, CONTEXT));
        var added = passkeys.completeRegistration(last.accessToken(),
                device.register(passkeys.startRegistration(last.accessToken(), CONTEXT)), CONTEXT);
        var challenge = passkeys.startSignIn("alice@example.com", CONTEXT);
        secrets.add(challenge.session());
        String assertion = device.assertion(challenge.requestOptionsJson());
        Tokens byPasskey = passkeys.completeSignIn("alice@example.com", challenge.session(), assertion, CONTEXT);
        secrets.add(byPasskey.accessToken());
        secrets.add(byPasskey.idToken());
        attempt(() -> passkeys.completeSignIn("alice@example.com", challenge.session(), assertion, CONTEXT));
        passkeys.delete(last.accessToken(), added.credentialId(), CONTEXT);
        attempt(() -> core.authentication.deleteAccount(new TokenCommand(FORGED_TOKEN, CONTEXT)));
        core.authentication.deleteAccount(new TokenCommand(last.accessToken(), CONTEXT));

        appClientsAndResourceServers();
        for (int i = 1; i <= codes.get(); i++) secrets.add("C0DESECRET" + i);
    }

    /** Issue 14, TOTP: enrolment, the second step (right, wrong, replayed), an operator's changes; codes from oathtool. */
    private void multiFactorFlows(Tokens tokens) {
        var apps = new dev.userpool.core.testing.InMemorySoftwareTokens(id -> core.directory.findById(id).isPresent(), core.clock);
        core.authenticator.askSecondFactorsOf(apps);
        var mfa = new MultiFactorService(java.util.Optional.of(apps), core.authenticator, core.tokens, core.directory,
                core.auditLog, dev.userpool.core.service.UserEnumerationProtection.on(), core.clock);
        var holder = new dev.userpool.core.port.in.MultiFactor.Holder.ByAccessToken(tokens.accessToken());
        String secret = mfa.associate(holder, CONTEXT).secret().base32();
        secrets.add(secret);
        attempt(() -> mfa.verify(holder, "000000".equals(code(secret)) ? "111111" : "000000", java.util.Optional.empty(), CONTEXT));
        mfa.verify(holder, code(secret), java.util.Optional.of("phone"), CONTEXT);
        mfa.setPreference(tokens.accessToken(), new dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference(true, true), CONTEXT);
        core.clock.advance(java.time.Duration.ofSeconds(30));
        var challenge = (dev.userpool.core.port.in.SignInResult.MfaChallenge) core.authentication.signInStep(
                new SignInCommand("alice@example.com", PASSWORD, CONTEXT));
        secrets.add(challenge.challenge().session());
        String code = code(secret);
        Tokens signedIn = mfa.answerChallenge(new dev.userpool.core.port.in.MultiFactor.ChallengeCommand("SOFTWARE_TOKEN_MFA",
                "alice@example.com", challenge.challenge().session(), java.util.Optional.of(code), CONTEXT));
        secrets.add(signedIn.accessToken());
        var replay = (dev.userpool.core.port.in.SignInResult.MfaChallenge) core.authentication.signInStep(
                new SignInCommand("alice@example.com", PASSWORD, CONTEXT));
        secrets.add(replay.challenge().session());
        attempt(() -> mfa.answerChallenge(new dev.userpool.core.port.in.MultiFactor.ChallengeCommand("SOFTWARE_TOKEN_MFA",
                "alice@example.com", replay.challenge().session(), java.util.Optional.of(code), CONTEXT)));
        mfa.adminSetPreference("alice@example.com", new dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference(false, false),
                Actor.system(), CONTEXT);
        mfa.adminRemove("alice@example.com", Actor.system(), CONTEXT);
    }

    private String code(String secret) {
        String code = dev.userpool.core.testing.Oathtool.code(secret, core.clock.instant());
        secrets.add(code);
        return code;
    }

    /** Issue 15: a client with a secret, created, changed, deleted; a resource server likewise. */
    private void appClientsAndResourceServers() {
        var actor = dev.userpool.core.domain.Actor.system();
        var server = new dev.userpool.core.domain.ResourceServer("orders", "Orders",
                List.of(new dev.userpool.core.domain.ResourceServer.Scope("read", "Read")));
        core.appClients.createResourceServer(new dev.userpool.core.port.in.AppClientAdministration.ResourceServerCommand(actor, server, CONTEXT));
        core.appClients.updateResourceServer(new dev.userpool.core.port.in.AppClientAdministration.ResourceServerCommand(actor, server, CONTEXT));
        var client = core.appClients.createClient(new dev.userpool.core.port.in.AppClientAdministration.NewClient(actor,
                dev.userpool.core.domain.AppClientSettings.defaults("app"), true, java.util.Optional.empty(),
                java.util.Optional.empty(), CONTEXT));
        secrets.add(client.secret().orElseThrow());
        core.appClients.updateClient(new dev.userpool.core.port.in.AppClientAdministration.ClientChange(actor, client.clientId(),
                dev.userpool.core.domain.AppClientSettings.defaults("renamed"), CONTEXT));
        core.appClients.deleteClient(new dev.userpool.core.port.in.AppClientAdministration.ClientCommand(actor, client.clientId(), CONTEXT));
        core.appClients.deleteResourceServer(new dev.userpool.core.port.in.AppClientAdministration.ResourceServerDeletion(actor, "orders", CONTEXT));
    }

    /** Issue 15: the managed login and the authorization server's grants, with their secrets (codes, cookies, tokens, a client secret). */
    private void runTheOAuthFlows() {
        String clientSecret = "client-SECRET-" + java.util.UUID.randomUUID();
        secrets.add(clientSecret);
        dev.userpool.core.testing.InMemoryAppClientDirectory clients = new dev.userpool.core.testing.InMemoryAppClientDirectory();
        dev.userpool.core.domain.AppClient client = clients.create(new dev.userpool.core.domain.AppClient("rp", "RP", java.util.Optional.of(clientSecret),
                Set.of("code", "implicit", "client_credentials"), Set.of("openid", "email", "api/read"), List.of("https://rp.example/cb"),
                List.of("https://rp.example/out"), Set.of(), java.time.Duration.ofHours(1), java.time.Duration.ofHours(1), java.time.Duration.ofDays(30)));
        AuthorizationServerService server = new AuthorizationServerService(clients, new dev.userpool.core.testing.InMemoryAuthorizationCodes(),
                new dev.userpool.core.testing.FakeOAuthTokens(), core.directory, core.auditLog, core.clock);
        ManagedLoginService login = new ManagedLoginService(core.authentication, new MultiFactorService(java.util.Optional.empty(),
                core.authenticator, core.tokens, core.directory, core.auditLog,
                dev.userpool.core.service.UserEnumerationProtection.on(), core.clock), core.authenticator, core.tokens,
                new dev.userpool.core.testing.InMemoryBrowserSessions(), core.auditLog, core.clock);
        var credentials = new dev.userpool.core.port.in.AuthorizationServer.ClientCredentials("rp", java.util.Optional.of(clientSecret));
        var wrong = new dev.userpool.core.port.in.AuthorizationServer.ClientCredentials("rp", java.util.Optional.of(WRONG_CODE));

        var opened = (dev.userpool.core.port.in.ManagedLogin.Outcome.SessionOpened) login.signIn(new SignInCommand("alice@example.com", PASSWORD, CONTEXT));
        secrets.add(opened.cookie());
        var request = server.check(new dev.userpool.core.port.in.AuthorizationServer.AuthorizeCommand(java.util.Optional.of("code"),
                java.util.Optional.of("rp"), java.util.Optional.of("https://rp.example/cb"), java.util.Optional.of("openid email"),
                java.util.Optional.empty(), java.util.Optional.of("nonce-1"), java.util.Optional.empty(), java.util.Optional.empty(), CONTEXT));
        String code = server.issueCode(request, opened.session(), CONTEXT);
        secrets.add(code);
        attemptOAuth(() -> server.exchangeCode(new dev.userpool.core.port.in.AuthorizationServer.CodeExchangeCommand(wrong,
                java.util.Optional.of(code), java.util.Optional.of("https://rp.example/cb"), java.util.Optional.empty(), CONTEXT)));
        Tokens tokens = server.exchangeCode(new dev.userpool.core.port.in.AuthorizationServer.CodeExchangeCommand(credentials,
                java.util.Optional.of(code), java.util.Optional.of("https://rp.example/cb"), java.util.Optional.empty(), CONTEXT));
        secrets.add(tokens.accessToken());
        secrets.add(tokens.refreshToken().orElseThrow());
        attemptOAuth(() -> server.exchangeCode(new dev.userpool.core.port.in.AuthorizationServer.CodeExchangeCommand(credentials,
                java.util.Optional.of(code), java.util.Optional.of("https://rp.example/cb"), java.util.Optional.empty(), CONTEXT)));
        Tokens implicit = server.issueImplicit(request, opened.session(), CONTEXT);
        secrets.add(implicit.accessToken());
        Tokens refreshed = server.refresh(new dev.userpool.core.port.in.AuthorizationServer.RefreshCommand(credentials, tokens.refreshToken(), CONTEXT));
        secrets.add(refreshed.accessToken());
        var machine = server.clientCredentials(new dev.userpool.core.port.in.AuthorizationServer.ClientCredentialsCommand(credentials,
                java.util.Optional.of("api/read"), CONTEXT));
        secrets.add(machine.accessToken());
        server.revoke(new dev.userpool.core.port.in.AuthorizationServer.RevokeCommand(credentials, tokens.refreshToken(), CONTEXT));
        login.signOut(opened.cookie(), CONTEXT);
    }

    private void attemptOAuth(Runnable call) {
        try {
            call.run();
        } catch (dev.userpool.core.domain.OAuthException e) {
            assertThat(e.getMessage()).doesNotContain(WRONG_CODE);
        }
    }

    /** Everything an event says, every way it can be printed. */
    private static List<String> printed(AuditEvent event) throws ReflectiveOperationException {
        List<String> out = new ArrayList<>(List.of(event.toString(), event.facts().toString(), event.subjectKey()));
        for (RecordComponent component : EventFacts.class.getRecordComponents()) {
            out.add(String.valueOf(component.getAccessor().invoke(event.facts())));
        }
        return out;
    }

    @Test
    void noEventEverCarriesAPasswordCodeOrToken() throws ReflectiveOperationException {
        runEveryFlow();

        List<AuditEvent> events = core.auditLog.all();
        assertThat(events).extracting(AuditEvent::type).contains(AuditEventType.values());
        assertThat(codes.get()).isGreaterThanOrEqualTo(3);
        assertThat(secrets).hasSizeGreaterThan(15);
        for (AuditEvent event : events) {
            for (String text : printed(event)) {
                for (String secret : secrets) {
                    assertThat(text).as("%s of %s", text, event.type()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void noErrorEverCarriesAPasswordCodeOrToken() {
        runEveryFlow();

        assertThat(errors).hasSizeGreaterThan(10);
        for (UserPoolException error : errors) {
            for (String secret : secrets) {
                assertThat(error.toString() + error.details()).doesNotContain(secret);
            }
        }
    }
}
