package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.RelyingParty;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.PasskeyAuthentication.PasskeyChallenge;
import dev.userpool.core.service.PasskeyService;
import dev.userpool.core.testing.InMemoryAuditLog;
import dev.userpool.core.testing.SoftPasskeyAuthenticator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passkeys end to end below HTTP: {@link PasskeyService} on the embedded store, webauthn4j's checks
 * ({@link WebAuthn4jCeremonies}) and the embedded authenticator, answered by a software authenticator that
 * can be made to lie. Each refusal here is a guard a real attacker would try.
 */
class PasskeyCeremoniesTest {
    static final String ORIGIN = "http://localhost:8080";
    static final RequestContext CTX = RequestContext.internal("test");

    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqlitePasskeyCredentials store;
    private InMemoryAuditLog audit;
    private PasskeyService passkeys;
    private SoftPasskeyAuthenticator device;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        store = new SqlitePasskeyCredentials(bed.db, bed.clock);
        audit = new InMemoryAuditLog();
        passkeys = service(URI.create(ORIGIN + "/"));
        device = new SoftPasskeyAuthenticator(ORIGIN);
    }

    private PasskeyService service(URI baseUrl) {
        return new PasskeyService(RelyingParty.servedAt(baseUrl, "userpool"), "passkeys off", store, new WebAuthn4jCeremonies(),
                bed.verifier, bed.directory, bed.authenticator, audit, bed.clock);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private record Holder(User user, String accessToken) {}

    private Holder holder() {
        EmailAddress email = EmbeddedTestbed.newAddress();
        Tokens tokens = bed.signedIn(email);
        return new Holder(bed.directory.find(email).orElseThrow(), tokens.accessToken());
    }

    private Passkey register(Holder h) {
        return passkeys.completeRegistration(h.accessToken(), device.register(passkeys.startRegistration(h.accessToken(), CTX)), CTX);
    }

    private String email(Holder h) {
        return h.user().email().value();
    }

    @Test
    void aSignedInUserAddsAPasskeyAndSignsInWithIt() {
        Holder ada = holder();
        String options = passkeys.startRegistration(ada.accessToken(), CTX);
        assertThat(options).contains("\"rp\":{").contains("\"id\":\"localhost\"").contains("\"alg\":-7").contains("\"alg\":-257")
                .contains("\"residentKey\":\"required\"").contains("\"userVerification\":\"preferred\"");
        Passkey added = passkeys.completeRegistration(ada.accessToken(), device.register(options), CTX);
        assertThat(added.owner()).isEqualTo(ada.user().id());
        assertThat(added.relyingPartyId()).isEqualTo("localhost");
        assertThat(added.transports()).containsExactly("internal");
        assertThat(added.attachment()).contains("platform");
        assertThat(passkeys.list(ada.accessToken(), PageRequest.first(20)).items()).containsExactly(added);
        assertThat(passkeys.offersPasskey(email(ada))).isTrue();

        PasskeyChallenge challenge = passkeys.startSignIn(email(ada), CTX);
        assertThat(challenge.requestOptionsJson()).contains("\"rpId\":\"localhost\"").contains("\"allowCredentials\":[]");
        Tokens tokens = passkeys.completeSignIn(email(ada), challenge.session(), device.assertion(challenge.requestOptionsJson()), CTX);
        assertThat(bed.verifier.verify(tokens.accessToken()).userId()).isEqualTo(ada.user().id());
        assertThat(tokens.refreshToken()).isPresent();
        Passkey used = store.find(added.credentialId()).orElseThrow();
        assertThat(used.signCount()).isEqualTo(1);
        assertThat(used.lastUsedAt()).contains(bed.clock.instant());
        assertThat(audit.all()).extracting(AuditEvent::type, AuditEvent::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditEventType.PASSKEY_REGISTERED, Outcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple(AuditEventType.PASSKEY_SIGN_IN, Outcome.SUCCESS));
        assertThat(audit.all()).allSatisfy(e -> assertThat(e.userId()).contains(ada.user().id()));
    }

    @Test
    void theNextRegistrationExcludesThePasskeysHeld() {
        Holder ada = holder();
        Passkey first = register(ada);
        assertThat(passkeys.startRegistration(ada.accessToken(), CTX)).contains("\"excludeCredentials\":[{")
                .contains(first.credentialId());
    }

    @Test
    void aRegistrationFromAnotherOriginIsRefusedAndNothingIsStored() {
        Holder ada = holder();
        String options = passkeys.startRegistration(ada.accessToken(), CTX);
        String phished = device.claimingOrigin("https://evil.example").register(options);
        assertRefused(() -> passkeys.completeRegistration(ada.accessToken(), phished, CTX), ErrorCode.WEB_AUTHN_ORIGIN_NOT_ALLOWED);
        assertThat(store.of(ada.user().id())).isEmpty();
        assertThat(audit.all()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.PASSKEY_REGISTERED);
            assertThat(e.errorCode()).contains(ErrorCode.WEB_AUTHN_ORIGIN_NOT_ALLOWED);
        });
    }

    @Test
    void aRegistrationForAnotherRelyingPartyIsRefused() {
        Holder ada = holder();
        String options = passkeys.startRegistration(ada.accessToken(), CTX);
        String other = device.hashingRpId("evil.example").register(options);
        assertRefused(() -> passkeys.completeRegistration(ada.accessToken(), other, CTX), ErrorCode.WEB_AUTHN_RELYING_PARTY_MISMATCH);
    }

    @Test
    void aRegistrationChallengeAnswersOnceAndExpires() {
        Holder ada = holder();
        String answer = device.register(passkeys.startRegistration(ada.accessToken(), CTX));
        passkeys.completeRegistration(ada.accessToken(), answer, CTX);
        assertRefused(() -> passkeys.completeRegistration(ada.accessToken(), answer, CTX), ErrorCode.WEB_AUTHN_CHALLENGE_NOT_FOUND);

        String late = device.register(passkeys.startRegistration(ada.accessToken(), CTX));
        bed.clock.advance(PasskeyService.CEREMONY_TTL);
        assertRefused(() -> passkeys.completeRegistration(ada.accessToken(), late, CTX), ErrorCode.WEB_AUTHN_CHALLENGE_NOT_FOUND);
        assertThat(store.of(ada.user().id())).hasSize(1);
    }

    @Test
    void anAnswerToAnotherUsersRegistrationChallengeIsRefused() {
        Holder ada = holder();
        Holder bob = holder();
        passkeys.startRegistration(bob.accessToken(), CTX);
        String adas = device.register(passkeys.startRegistration(ada.accessToken(), CTX));
        assertRefused(() -> passkeys.completeRegistration(bob.accessToken(), adas, CTX), ErrorCode.WEB_AUTHN_CHALLENGE_NOT_FOUND);
        assertThat(store.of(bob.user().id())).isEmpty();
    }

    @Test
    void atMostTwentyPasskeysPerUser() {
        Holder ada = holder();
        for (int i = 0; i < Passkey.MAX_PER_USER; i++) register(ada);
        assertRefused(() -> passkeys.startRegistration(ada.accessToken(), CTX), ErrorCode.LIMIT_EXCEEDED);
        assertThat(passkeys.list(ada.accessToken(), PageRequest.first(20)).nextCursor()).isEmpty();
        var firstPage = passkeys.list(ada.accessToken(), PageRequest.first(15));
        assertThat(firstPage.items()).hasSize(15);
        assertThat(passkeys.list(ada.accessToken(), new PageRequest(15, firstPage.nextCursor())).items()).hasSize(5);
    }

    @Test
    void anAssertionByAnotherUsersPasskeyIsRefused() {
        Holder ada = holder();
        Holder bob = holder();
        register(ada);
        register(bob);
        SoftPasskeyAuthenticator.Credential adasKey = device.credentials().get(0);
        PasskeyChallenge bobs = passkeys.startSignIn(email(bob), CTX);
        String byAdasKey = device.assertion(bobs.requestOptionsJson(), adasKey);
        assertRefused(() -> passkeys.completeSignIn(email(bob), bobs.session(), byAdasKey, CTX), ErrorCode.NOT_AUTHORIZED);
        assertThat(audit.all()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.PASSKEY_SIGN_IN);
            assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(e.userId()).contains(bob.user().id());
        });
    }

    @Test
    void aSessionPosedToAnotherUserIsRefused() {
        Holder ada = holder();
        Holder bob = holder();
        register(ada);
        PasskeyChallenge adas = passkeys.startSignIn(email(ada), CTX);
        String answer = device.assertion(adas.requestOptionsJson());
        assertRefused(() -> passkeys.completeSignIn(email(bob), adas.session(), answer, CTX), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aSignCountThatDidNotGoForwardIsRefused() {
        Holder ada = holder();
        Passkey key = register(ada);
        PasskeyChallenge first = passkeys.startSignIn(email(ada), CTX);
        passkeys.completeSignIn(email(ada), first.session(), device.assertion(first.requestOptionsJson()), CTX);
        // the cloned authenticator counts from an older state: it reports 1 where the pool has seen 1 already
        device.credentials().get(0).signCount(0);
        PasskeyChallenge clone = passkeys.startSignIn(email(ada), CTX);
        String cloned = device.assertion(clone.requestOptionsJson());
        assertRefused(() -> passkeys.completeSignIn(email(ada), clone.session(), cloned, CTX), ErrorCode.NOT_AUTHORIZED);
        assertThat(store.find(key.credentialId()).orElseThrow().signCount()).isEqualTo(1);
    }

    @Test
    void aReplayedAssertionOrSessionIsRefused() {
        Holder ada = holder();
        register(ada);
        PasskeyChallenge first = passkeys.startSignIn(email(ada), CTX);
        String answer = device.assertion(first.requestOptionsJson());
        passkeys.completeSignIn(email(ada), first.session(), answer, CTX);
        assertRefused(() -> passkeys.completeSignIn(email(ada), first.session(), answer, CTX), ErrorCode.NOT_AUTHORIZED);
        PasskeyChallenge fresh = passkeys.startSignIn(email(ada), CTX);
        assertRefused(() -> passkeys.completeSignIn(email(ada), fresh.session(), answer, CTX), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anExpiredSignInChallengeIsRefused() {
        Holder ada = holder();
        register(ada);
        PasskeyChallenge challenge = passkeys.startSignIn(email(ada), CTX);
        String answer = device.assertion(challenge.requestOptionsJson());
        bed.clock.advance(PasskeyService.CEREMONY_TTL.plus(Duration.ofSeconds(1)));
        assertRefused(() -> passkeys.completeSignIn(email(ada), challenge.session(), answer, CTX), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anAssertionFromAnotherOriginOrForAnotherRelyingPartyIsRefused() {
        Holder ada = holder();
        register(ada);
        PasskeyChallenge one = passkeys.startSignIn(email(ada), CTX);
        String phished = device.claimingOrigin("http://127.0.0.1:8080").assertion(one.requestOptionsJson());
        assertRefused(() -> passkeys.completeSignIn(email(ada), one.session(), phished, CTX), ErrorCode.WEB_AUTHN_ORIGIN_NOT_ALLOWED);
        device.claimingOrigin(null).hashingRpId("evil.example");
        PasskeyChallenge two = passkeys.startSignIn(email(ada), CTX);
        String other = device.assertion(two.requestOptionsJson());
        assertRefused(() -> passkeys.completeSignIn(email(ada), two.session(), other, CTX), ErrorCode.WEB_AUTHN_RELYING_PARTY_MISMATCH);
    }

    @Test
    void anUnknownNameGetsOptionsAlikeAndCanNeverAnswer() {
        Holder ada = holder();
        register(ada);
        PasskeyChallenge known = passkeys.startSignIn(email(ada), CTX);
        PasskeyChallenge unknown = passkeys.startSignIn("nobody@example.com", CTX);
        assertThat(unknown.requestOptionsJson().replaceAll("\"challenge\":\"[^\"]+\"", ""))
                .isEqualTo(known.requestOptionsJson().replaceAll("\"challenge\":\"[^\"]+\"", ""));
        assertThat(passkeys.offersPasskey("nobody@example.com")).isFalse();
        String answer = device.assertion(unknown.requestOptionsJson());
        assertRefused(() -> passkeys.completeSignIn("nobody@example.com", unknown.session(), answer, CTX), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void onlyTheHolderDeletesTheirPasskey() {
        Holder ada = holder();
        Holder bob = holder();
        Passkey key = register(ada);
        assertRefused(() -> passkeys.delete(bob.accessToken(), key.credentialId(), CTX), ErrorCode.RESOURCE_NOT_FOUND);
        passkeys.delete(ada.accessToken(), key.credentialId(), CTX);
        assertThat(store.of(ada.user().id())).isEmpty();
        assertThat(passkeys.offersPasskey(email(ada))).isFalse();
        assertThat(audit.all()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.PASSKEY_DELETED);
            assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
        });
    }

    @Test
    void passkeysAreOffOutsideASecureContext() {
        PasskeyService off = service(URI.create("http://127.0.0.1:8080/"));
        Holder ada = holder();
        assertThat(off.enabled()).isFalse();
        assertRefused(() -> off.startRegistration(ada.accessToken(), CTX), ErrorCode.WEB_AUTHN_CONFIGURATION_MISSING);
        assertRefused(() -> off.startSignIn(email(ada), CTX), ErrorCode.WEB_AUTHN_CONFIGURATION_MISSING);
        assertThat(off.offersPasskey(email(ada))).isFalse();
        assertThat(RelyingParty.servedAt(URI.create("https://id.example.com"), "x")).map(RelyingParty::id).contains("id.example.com");
        assertThat(RelyingParty.servedAt(URI.create("http://id.example.com"), "x")).isEmpty();
        assertThat(Optional.of(passkeys.relyingPartyId())).contains(Optional.of("localhost"));
    }
}
