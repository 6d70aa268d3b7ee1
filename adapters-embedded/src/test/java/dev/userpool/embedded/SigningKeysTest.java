package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.VerifiedToken;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path dir;

    @Test
    void theJwksPublishesOnePublicRs256SigningKeyWithItsKid() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("keys.db"))) {
            SigningKeys keys = SigningKeys.loadOrCreate(db);

            JWKSet set = JWKSet.parse(keys.jwksJson());

            assertThat(set.getKeys()).hasSize(1);
            RSAKey key = (RSAKey) set.getKeys().get(0);
            assertThat(key.getKeyID()).isEqualTo(keys.currentKeyId()).isNotBlank();
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.size()).isEqualTo(2048);
            assertThat(keys.jwksJson()).startsWith("{\"keys\":[").doesNotContain("\"d\"").doesNotContain("\"p\"");
        }
    }

    @Test
    void theKeyIsMadeOnceAndKeptInTheDatabase() {
        Path file = dir.resolve("keys.db");
        String kid;
        String jwks;
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            SigningKeys keys = SigningKeys.loadOrCreate(db);
            kid = keys.currentKeyId();
            jwks = keys.jwksJson();
            assertThat(SigningKeys.loadOrCreate(db).currentKeyId()).isEqualTo(kid);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            SigningKeys again = SigningKeys.loadOrCreate(db);
            assertThat(again.currentKeyId()).isEqualTo(kid);
            assertThat(again.jwksJson()).isEqualTo(jwks);
        }
    }

    @Test
    void aTokenIssuedBeforeReopeningStillVerifiesAfter() {
        EmailAddress email = new EmailAddress("persist@example.com");
        Tokens tokens;
        try (EmbeddedTestbed bed = EmbeddedTestbed.open(dir)) {
            tokens = bed.signedIn(email);
        }
        try (EmbeddedTestbed reopened = EmbeddedTestbed.open(dir)) {
            VerifiedToken id = reopened.verifier.verify(tokens.idToken());

            assertThat(id.email()).contains(email);
            assertThat(reopened.authenticator.refresh(tokens.refreshToken().orElseThrow()).tokens().idToken()).isNotBlank();
        }
    }

    @Test
    void separateDatabasesHaveSeparateKeys() {
        try (EmbeddedDatabase a = EmbeddedDatabase.open(dir.resolve("a.db"));
             EmbeddedDatabase b = EmbeddedDatabase.open(dir.resolve("b.db"))) {
            assertThat(SigningKeys.loadOrCreate(a).currentKeyId()).isNotEqualTo(SigningKeys.loadOrCreate(b).currentKeyId());
        }
    }
}
