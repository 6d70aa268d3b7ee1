package dev.userpool.app.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A strict, OpenID Certified relying party — openid-client (panva), pinned in {@code src/oidc-rp} — against
 * the embedded pool: discovery, the code flow with PKCE and a nonce (it validates the ID token: issuer,
 * audience, signature by the JWKS, nonce, at_hash), userInfo, refresh, revocation, and the
 * client-credentials grant of a confidential client ({@code rp-flow.mjs}).
 */
class OpenIdClientRelyingPartyIT {
    static final Path DIRECTORY = Path.of("src", "oidc-rp");
    private static RunningApp app;
    private static OAuthFixture fixture;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of());
        fixture = new OAuthFixture(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void openidClientRunsEveryFlowAgainstThePool() throws Exception {
        String email = fixture.user();
        String issuer = OAuthBrowser.json(new OAuthBrowser(app.baseUrl()).get("/.well-known/openid-configuration")).path("issuer").asText();
        JsonNode out = run(Map.of("ISSUER", issuer, "CLIENT_ID", fixture.publicClient.clientId(), "REDIRECT_URI", OAuthFixture.CALLBACK,
                "EMAIL", email, "PASSWORD", ApiClient.PASSWORD, "CONFIDENTIAL_ID", fixture.confidentialClient.clientId(),
                "CONFIDENTIAL_SECRET", OAuthFixture.SECRET, "CUSTOM_SCOPE", "orders/read"));
        assertThat(out.path("issuer").asText()).isEqualTo(issuer);
        assertThat(out.path("supportsPkce").asBoolean()).isTrue();
        assertThat(out.path("email").asText()).isEqualTo(email);
        assertThat(out.path("nonce").asBoolean()).isTrue();
        assertThat(out.path("userInfoEmail").asText()).isEqualTo(email);
        assertThat(out.path("refreshedSub").asText()).isEqualTo(out.path("sub").asText());
        assertThat(out.path("refreshAfterRevoke").asText()).isEqualTo("invalid_grant");
        assertThat(out.path("clientCredentialsScope").asText()).isEqualTo("orders/read");
        assertThat(out.path("clientCredentialsHasIdToken").asBoolean()).isFalse();
    }

    private static JsonNode run(Map<String, String> env) throws IOException, InterruptedException {
        Path library = DIRECTORY.resolve("node_modules").resolve("openid-client");
        if (!Files.isDirectory(library)) {
            throw new IllegalStateException(library.toAbsolutePath() + " is missing: the build installs it with `npm ci` in "
                    + DIRECTORY + " (mvn generate-resources)");
        }
        Path stderr = Files.createTempFile("oidc-rp", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "rp-flow.mjs").directory(DIRECTORY.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(env);
            Process node = builder.start();
            node.getOutputStream().close();
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(2, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new IllegalStateException("rp-flow.mjs did not finish in 2 minutes");
            }
            String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(node.exitValue()).as("openid-client failed: " + errors).isZero();
            return OAuthBrowser.JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
