package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.HttpFromAddress;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.Password;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 10,000 {@code InitiateAuth(USER_SRP_AUTH)} calls from one address (127.0.0.1) cannot crowd out
 * another: a person at 127.0.0.2 still signs in with SRP. The flooding address is refused with
 * {@code TooManyRequestsException} once it holds its share of pending challenges.
 *
 * <p>Before the fix (commit 6e938da) the store took 10,000 challenges from anyone: the flood filled it,
 * and the sign-in from 127.0.0.2 was refused with {@code TooManyRequestsException} "Too many sign-ins
 * are waiting for their answer" for the three minutes the flood's challenges lived.
 */
class SrpChallengeFloodTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneAddressCannotCrowdOutAnother() throws Exception {
        try (RunningApp app = RunningApp.start(Map.of())) {
            ApiClient api = new ApiClient(app.baseUrl());
            CognitoWire cognito = new CognitoWire(api);
            String email = SecurityFixture.confirmedUser(api, "srp-flood");
            assertThat(api.post("/api/signin", Map.of("email", email, "password", ApiClient.PASSWORD)).status()).isEqualTo(200);

            String srpA = new SrpClient(CognitoWire.POOL, Clock.systemUTC()).start().srpA();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 2_500; i++) {
                            ApiClient.Response r = cognito.initiateSrp(SecurityFixture.address("flood"), srpA);
                            if (CognitoWire.type(r).equals("TooManyRequestsException")) refused.incrementAndGet();
                            else assertThat(r.status()).as(r.text()).isEqualTo(200);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            } finally {
                pool.shutdownNow();
            }
            assertThat(refused.get()).as("InitiateAuth calls refused to the flooding address").isGreaterThan(0);

            JsonNode tokens = srpSignInFrom("127.0.0.2", app, email);
            assertThat(tokens.path("AuthenticationResult").path("IdToken").asText()).as(tokens.toString()).isNotBlank();
        }
    }

    private static JsonNode srpSignInFrom(String address, RunningApp app, String email) throws Exception {
        SrpClient srp = new SrpClient(CognitoWire.POOL, Clock.systemUTC());
        SrpStart start = srp.start();
        JsonNode challenge = call(address, app, "InitiateAuth", Map.of("AuthFlow", "USER_SRP_AUTH", "ClientId", CognitoWire.CLIENT,
                "AuthParameters", Map.of("USERNAME", email, "SRP_A", start.srpA())));
        Map<String, String> parameters = new HashMap<>();
        challenge.path("ChallengeParameters").fields().forEachRemaining(f -> parameters.put(f.getKey(), f.getValue().asText()));
        assertThat(parameters).as(challenge.toString()).containsKey("SRP_B");
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(parameters), Password.of(ApiClient.PASSWORD));
        return call(address, app, "RespondToAuthChallenge", Map.of("ChallengeName", "PASSWORD_VERIFIER",
                "ClientId", CognitoWire.CLIENT, "ChallengeResponses", claim.challengeResponses()));
    }

    private static JsonNode call(String address, RunningApp app, String operation, Map<String, Object> body) throws Exception {
        HttpFromAddress.Reply r = HttpFromAddress.boundTo(address, app.baseUrl()).post("/", Map.of(
                "Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AWSCognitoIdentityProviderService." + operation), JSON.writeValueAsString(body));
        return JSON.readTree(r.body());
    }
}
