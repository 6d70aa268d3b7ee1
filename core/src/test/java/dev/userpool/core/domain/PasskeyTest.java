package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14: the passkey's rules that need no cryptography — the sign count, the id, the secure context. */
class PasskeyTest {
    private static Passkey withCount(long count) {
        return new Passkey("AAEC", new UserId("u1"), new byte[] {1}, count, List.of(), Optional.empty(), "Passkey",
                "localhost", Instant.EPOCH, Optional.empty());
    }

    @Test
    void theSignCountMustGoForwardUnlessTheAuthenticatorKeepsNone() {
        assertThat(withCount(0).acceptsSignCount(0)).as("an authenticator without a counter").isTrue();
        assertThat(withCount(0).acceptsSignCount(1)).isTrue();
        assertThat(withCount(5).acceptsSignCount(6)).isTrue();
        assertThat(withCount(5).acceptsSignCount(5)).as("the same count again: a clone or a replay").isFalse();
        assertThat(withCount(5).acceptsSignCount(4)).isFalse();
        assertThat(withCount(5).acceptsSignCount(0)).as("a counter that stopped").isFalse();
    }

    @Test
    void aCredentialIdIsBase64Url() {
        assertThat(Passkey.requireCredentialId(" AbC-_9 ")).isEqualTo("AbC-_9");
        assertThatThrownBy(() -> Passkey.requireCredentialId("a+b/")).isInstanceOf(UserPoolException.class);
        assertThatThrownBy(() -> Passkey.requireCredentialId(null)).isInstanceOf(UserPoolException.class);
    }

    @Test
    void passkeysNeedASecureContext() {
        assertThat(RelyingParty.servedAt(URI.create("https://auth.example.com/"), "p"))
                .contains(new RelyingParty("auth.example.com", "https://auth.example.com", "p"));
        assertThat(RelyingParty.servedAt(URI.create("http://localhost:8080"), "p"))
                .contains(new RelyingParty("localhost", "http://localhost:8080", "p"));
        assertThat(RelyingParty.servedAt(URI.create("http://127.0.0.1:8080"), "p")).isEmpty();
        assertThat(RelyingParty.servedAt(URI.create("http://auth.example.com"), "p")).isEmpty();
    }
}
