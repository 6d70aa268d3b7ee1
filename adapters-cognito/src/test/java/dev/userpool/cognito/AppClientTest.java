package dev.userpool.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppClientTest {
    private static final String SECRET = "7e2uq8ftmke7ab6vd19dbmho7o3kulbmd0cndr6g6hmid3a6vd";

    @Test
    void theSecretHashIsHmacSha256OfUsernameAndClientIdUnderTheSecret() {
        // computed independently: base64(hmac.new(secret, username + client_id, sha256).digest()) in Python
        assertThat(AppClient.withSecret("1example23456789", SECRET).secretHash("alice@example.com"))
                .contains("77Rb8o3tCXqFi6Pl59xHyX7p0MR7lFNNvxLX0WPUX1s=");
    }

    @Test
    void aClientWithoutASecretSendsNoHash() {
        AppClient client = AppClient.withoutSecret("1example23456789");

        assertThat(client.hasSecret()).isFalse();
        assertThat(client.secretHash("alice@example.com")).isEmpty();
        assertThat(new AppClient("1example23456789", Optional.of("  ")).hasSecret()).as("a blank secret is none").isFalse();
    }

    @Test
    void theSecretNeverPrints() {
        assertThat(AppClient.withSecret("1example23456789", SECRET).toString()).doesNotContain(SECRET).contains("***");
    }
}
