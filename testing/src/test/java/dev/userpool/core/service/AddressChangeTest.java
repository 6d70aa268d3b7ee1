package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.AddressChange.RequestCommand;
import dev.userpool.core.port.in.AddressChange.VerifyCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.testing.InMemoryEmailChanges;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changing the address: each decision one event, the old address told, codes to one address limited. */
class AddressChangeTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();
    private final InMemoryEmailChanges changes = new InMemoryEmailChanges(core.directory);
    private final AddressChangeService service = new AddressChangeService(changes, core.directory, core.tokens,
            core.mailer, core.auditLog, core.clock);

    private String signedIn(String address) {
        core.signUpAndConfirm(address);
        return core.signIn(address).accessToken();
    }

    private String codeTo(String address) {
        return changes.lastCodeSentTo(email(address)).orElseThrow();
    }

    @Test
    void aRequestRecordsWhoAskedAndAnswersWhereTheCodeWent() {
        String token = signedIn("alice@example.com");
        User alice = core.directory.find(email("alice@example.com")).orElseThrow();

        AuditEvent event = core.onlyEventOf(() -> assertThat(service.request(
                new RequestCommand(token, "Alice.New@Example.com", CONTEXT)))
                .contains(CodeDelivery.email(email("alice.new@example.com"))));

        assertThat(event.type()).isEqualTo(AuditEventType.EMAIL_CHANGE_REQUESTED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
    }

    @Test
    void theProvenCodeChangesTheAddressRecordsItUnderTheNewOneAndTellsTheOldOne() {
        String token = signedIn("alice@example.com");
        service.request(new RequestCommand(token, "alice.new@example.com", CONTEXT));

        AuditEvent event = core.onlyEventOf(() -> service.verify(
                new VerifyCommand(token, codeTo("alice.new@example.com"), CONTEXT)));

        assertThat(event.type()).isEqualTo(AuditEventType.EMAIL_CHANGED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.email()).isEqualTo("alice.new@example.com");
        assertThat(core.directory.find(email("alice.new@example.com"))).map(User::emailVerified).contains(true);
        EmailMessage notice = core.mailer.lastTo(email("alice@example.com")).orElseThrow();
        assertThat(notice.kind()).isEqualTo(EmailMessage.Kind.EMAIL_CHANGED);
        assertThat(notice.textBody()).contains("a***@e***.com").doesNotContain("alice.new@example.com");
        // the old address no longer signs in; the new one does, with the same password
        assertThat(core.signIn("alice.new@example.com").accessToken()).isNotBlank();
        assertThat(core.failureOf(() -> core.signIn("alice@example.com")).error().code())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void beforeTheCodeIsProvenTheOldAddressSignsInAndTheNewOneDoesNot() {
        String token = signedIn("alice@example.com");
        service.request(new RequestCommand(token, "alice.new@example.com", CONTEXT));

        assertThat(core.signIn("alice@example.com").accessToken()).isNotBlank();
        assertThat(core.failureOf(() -> core.signIn("alice.new@example.com")).error().code())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aWrongCodeIsAFailedChangeAndTellsNobody() {
        String token = signedIn("alice@example.com");
        service.request(new RequestCommand(token, "alice.new@example.com", CONTEXT));
        int mails = core.mailer.delivered().size();

        var failure = core.failureOf(() -> service.verify(new VerifyCommand(token,
                CoreWithFakes.wrongCode(codeTo("alice.new@example.com")), CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.EMAIL_CHANGED);
        assertThat(failure.event().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failure.event().email()).isEqualTo("alice@example.com");
        assertThat(core.mailer.delivered()).hasSize(mails);
    }

    @Test
    void provingTheOwnUnverifiedAddressIsEmailVerified() {
        core.seed("bob@example.com");   // confirmed by an operator: address not verified
        String token = core.signIn("bob@example.com").accessToken();
        AuditEvent sent = core.onlyEventOf(() -> service.resendCode(new TokenCommand(token, CONTEXT)));

        AuditEvent event = core.onlyEventOf(() -> service.verify(new VerifyCommand(token, codeTo("bob@example.com"), CONTEXT)));

        assertThat(sent.type()).isEqualTo(AuditEventType.EMAIL_CHANGE_CODE_SENT);
        assertThat(event.type()).isEqualTo(AuditEventType.EMAIL_VERIFIED);
        assertThat(core.directory.find(email("bob@example.com"))).map(User::emailVerified).contains(true);
        assertThat(core.mailer.lastTo(email("bob@example.com"))).isEmpty();   // nothing changed: no notice
    }

    @Test
    void theAccountsOwnAddressChangesNothingAndSendsNoCode() {
        String token = signedIn("alice@example.com");

        assertThat(service.request(new RequestCommand(token, "ALICE@example.com", CONTEXT))).isEqualTo(Optional.empty());
        assertThat(changes.lastCodeSentTo(email("alice@example.com"))).isEmpty();
    }

    @Test
    void anAddressGetsAtMostFiveCodesAnHourWhicheverAccountsAsk() {
        String alice = signedIn("alice@example.com");
        String bob = signedIn("bob@example.com");
        for (int i = 0; i < 5; i++) {
            service.request(new RequestCommand(i % 2 == 0 ? alice : bob, "victim@example.com", CONTEXT));
        }

        var failure = core.failureOf(() -> service.request(new RequestCommand(bob, "victim@example.com", CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.EMAIL_CHANGE_REQUESTED);
        core.clock.advance(java.time.Duration.ofHours(1));
        String bobAgain = core.signIn("bob@example.com").accessToken();   // the first token has expired meanwhile
        assertThat(service.request(new RequestCommand(bobAgain, "victim@example.com", CONTEXT))).isPresent();
    }

    @Test
    void anIdTokenOrNoTokenOrABadAddressIsRefusedWithOneFailedEvent() {
        core.signUpAndConfirm("alice@example.com");
        String idToken = core.signIn("alice@example.com").idToken();
        String accessToken = core.signIn("alice@example.com").accessToken();

        var id = core.failureOf(() -> service.request(new RequestCommand(idToken, "n@example.com", CONTEXT)));
        var none = core.failureOf(() -> service.request(new RequestCommand(" ", "n@example.com", CONTEXT)));
        var bad = core.failureOf(() -> service.request(new RequestCommand(accessToken, "not-an-address", CONTEXT)));
        var code = core.failureOf(() -> service.verify(new VerifyCommand(accessToken, "12 34", CONTEXT)));

        assertThat(id.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(none.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(bad.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(code.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(changes.lastCodeSentTo(email("n@example.com"))).isEmpty();
    }

    @Test
    void aDisabledAccountCannotChangeItsAddress() {
        String token = signedIn("alice@example.com");
        dev.userpool.core.testing.DirectoryTransitions.disable(core.directory, email("alice@example.com"));

        var failure = core.failureOf(() -> service.request(new RequestCommand(token, "n@example.com", CONTEXT)));

        assertThat(failure.error()).hasMessage("User is disabled.");
        assertThat(changes.lastCodeSentTo(email("n@example.com"))).isEmpty();
    }

    @Test
    void commandsPrintNoSecret() {
        assertThat(new RequestCommand("tok-secret", "n@example.com", CONTEXT).toString()).doesNotContain("tok-secret");
        assertThat(new VerifyCommand("tok-secret", "123456", CONTEXT).toString()).doesNotContain("tok-secret", "123456");
    }
}
