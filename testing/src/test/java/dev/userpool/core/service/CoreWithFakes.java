package dev.userpool.core.service;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.verifyEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Administration.Administrator;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.service.RegistrationService.VerificationMode;
import dev.userpool.core.testing.FakeEmailVerifier;
import dev.userpool.core.testing.FakeTokenVerifier;
import dev.userpool.core.testing.InMemoryAuditLog;
import dev.userpool.core.testing.InMemoryAccountProvisioner;
import dev.userpool.core.testing.InMemoryAuthenticator;
import dev.userpool.core.testing.InMemoryGroupDirectory;
import dev.userpool.core.testing.InMemoryUserDirectory;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.RecordingMailer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The four services of the core, wired to the fakes of every out-port, plus the steps tests repeat. */
final class CoreWithFakes {
    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    static final String PASSWORD = "Correct-Horse-9";
    static final String ADMIN_EMAIL = "admin@example.com";
    static final RequestContext CONTEXT =
            new RequestContext("req-42", Optional.of("203.0.113.7"), Optional.of("JUnit"));

    final MutableClock clock = MutableClock.at(START);
    final AdminPolicy adminPolicy = new AdminPolicy(Set.of(EmailAddress.parse(ADMIN_EMAIL)));
    final InMemoryUserDirectory directory;
    final InMemoryGroupDirectory groups;
    final FakeTokenVerifier tokens = new FakeTokenVerifier(clock);
    final InMemoryAuthenticator authenticator;
    final FakeEmailVerifier emailVerifier = new FakeEmailVerifier();
    final RecordingMailer mailer = new RecordingMailer();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();

    final RegistrationService registration;
    final AuthenticationService authentication;
    final AdministrationService administration;
    final AuditQueryService auditQueries;
    final InMemoryAccountProvisioner provisioner;
    final PasswordAdministrationService passwordAdministration;
    static final java.net.URI SIGN_IN_PAGE = java.net.URI.create("https://auth.example.com/signin.html");
    final GroupAdministrationService groupAdministration;
    /** App clients and resource servers (issue 15), on in-memory directories of their own. */
    final AppClientAdministrationService appClients;

    private CoreWithFakes(VerificationMode mode, UserEnumerationProtection protection, Supplier<String> codes) {
        directory = codes == null ? new InMemoryUserDirectory(clock) : new InMemoryUserDirectory(clock, codes);
        groups = new InMemoryGroupDirectory(directory);
        // the tokens name the account's groups and, for a configured administrator, the admin group
        authenticator = new InMemoryAuthenticator(directory, tokens, user -> {
            Set<String> named = new java.util.LinkedHashSet<>(groups.tokenGroupsOf(user.id()));
            named.addAll(adminPolicy.groupsOf(user));
            return named;
        });
        PasswordPolicy policy = PasswordPolicy.cognitoDefault();
        registration = new RegistrationService(directory, emailVerifier, auditLog, policy, mode, protection, clock);
        authentication = new AuthenticationService(authenticator, tokens, directory, mailer, auditLog, policy,
                protection, clock, Optional.of(authenticator));
        administration = new AdministrationService(directory, authenticator, tokens, mailer, auditLog, adminPolicy, clock, groups);
        groupAdministration = new GroupAdministrationService(groups, directory, auditLog, clock);
        appClients = new AppClientAdministrationService(new dev.userpool.core.testing.InMemoryAppClientDirectory(),
                new dev.userpool.core.testing.InMemoryResourceServerDirectory(), auditLog, clock, "default-client");
        auditQueries = new AuditQueryService(auditLog, directory);
        provisioner = new InMemoryAccountProvisioner(directory, authenticator);
        passwordAdministration = new PasswordAdministrationService(directory, provisioner, mailer, auditLog, policy,
                dev.userpool.core.domain.InvitationSettings.days(7, SIGN_IN_PAGE), clock);
    }

    /** Verification by code, user enumeration protection on: the defaults. */
    static CoreWithFakes byCode() {
        return new CoreWithFakes(VerificationMode.CODE, UserEnumerationProtection.on(), null);
    }

    static CoreWithFakes byLink() {
        return new CoreWithFakes(VerificationMode.LINK, UserEnumerationProtection.on(), null);
    }

    static CoreWithFakes withoutEnumerationProtection() {
        return new CoreWithFakes(VerificationMode.CODE, new UserEnumerationProtection(false), null);
    }

    static CoreWithFakes byLinkWithoutEnumerationProtection() {
        return new CoreWithFakes(VerificationMode.LINK, new UserEnumerationProtection(false), null);
    }

    static CoreWithFakes byCodeWithCodesFrom(Supplier<String> codes) {
        return new CoreWithFakes(VerificationMode.CODE, UserEnumerationProtection.on(), codes);
    }

    static EmailAddress email(String raw) {
        return EmailAddress.parse(raw);
    }

    /** A code that is not {@code code}: its last character changed. */
    static String wrongCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
    }

    User signUp(String email) {
        return registration.signUp(new SignUpCommand(email, PASSWORD, CONTEXT)).user();
    }

    String codeSentTo(String email) {
        return directory.lastCodeSentTo(email(email)).orElseThrow();
    }

    String resetCodeSentTo(String email) {
        return authenticator.lastResetCodeSentTo(email(email)).orElseThrow();
    }

    User signUpAndConfirm(String email) {
        signUp(email);
        return registration.confirm(new ConfirmCommand(email, codeSentTo(email), CONTEXT));
    }

    Tokens signIn(String email, String password) {
        return authentication.signIn(new SignInCommand(email, password, CONTEXT));
    }

    Tokens signIn(String email) {
        return signIn(email, PASSWORD);
    }

    /** An account put straight into the directory, past the core: confirmed, with {@link #PASSWORD}. */
    User seed(String email) {
        EmailAddress address = email(email);
        directory.signUp(address, Password.of(PASSWORD), false);
        confirmByAdmin(directory, address);
        return directory.find(address).orElseThrow();
    }

    /** The administrator named in the admin policy (its address verified), signed in and authorized. */
    Administrator admin() {
        if (directory.find(email(ADMIN_EMAIL)).isEmpty()) {
            seed(ADMIN_EMAIL);
            verifyEmail(directory, email(ADMIN_EMAIL));   // the policy admits a configured address once verified
        }
        return administration.authorize(signIn(ADMIN_EMAIL).accessToken());
    }

    AdminCommand adminCommand(Administrator admin, String email) {
        return new AdminCommand(admin.actor(), email, CONTEXT);
    }

    /** Every call any out-port fake saw so far (audit log aside), to prove a use case reached none. */
    List<String> portCalls() {
        List<String> all = new ArrayList<>();
        directory.calls().forEach(c -> all.add("directory." + c));
        authenticator.calls().forEach(c -> all.add("authenticator." + c));
        tokens.calls().forEach(c -> all.add("tokens." + c));
        emailVerifier.calls().forEach(c -> all.add("emailVerifier." + c));
        mailer.delivered().forEach(m -> all.add("mailer." + m.kind()));
        return all;
    }

    /** Runs a call that must succeed, and returns the one event it recorded (stamped now, with the context). */
    AuditEvent onlyEventOf(Runnable call) {
        int before = auditLog.size();
        call.run();
        return theNewEvent(before);
    }

    /** What a failing call threw, and the one event it recorded. */
    record Failure(UserPoolException error, AuditEvent event) {}

    Failure failureOf(Runnable call) {
        int before = auditLog.size();
        UserPoolException error = catchThrowableOfType(UserPoolException.class, call::run);
        assertThat(error).as("the call should have failed").isNotNull();
        return new Failure(error, theNewEvent(before));
    }

    List<AuditEvent> eventsSince(int before) {
        List<AuditEvent> all = auditLog.all();
        return all.subList(before, all.size());
    }

    private AuditEvent theNewEvent(int before) {
        List<AuditEvent> recorded = eventsSince(before);
        assertThat(recorded).as("events recorded by one call").hasSize(1);
        AuditEvent event = recorded.get(0);
        assertThat(event.occurredAt()).isEqualTo(clock.instant());
        assertThat(event.context()).isEqualTo(CONTEXT);
        return event;
    }
}
