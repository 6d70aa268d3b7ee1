package dev.userpool.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.Password;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Raw calls to the local pool's Cognito API (AWS JSON 1.1 on {@code POST /}), and an SRP sign-in over it. */
final class CognitoWire {
    static final String POOL = "local_Userpool1";
    static final String CLIENT = "userpool-local";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api;

    CognitoWire(ApiClient api) {
        this.api = api;
    }

    ApiClient.Response call(String operation, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(api.base().resolve("/")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return api.send(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ApiClient.Response passwordSignIn(String username, String password) {
        return call("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", CLIENT,
                "AuthParameters", Map.of("USERNAME", username, "PASSWORD", password)));
    }

    ApiClient.Response initiateSrp(String username, String srpA) {
        return call("InitiateAuth", Map.of("AuthFlow", "USER_SRP_AUTH", "ClientId", CLIENT,
                "AuthParameters", Map.of("USERNAME", username, "SRP_A", srpA)));
    }

    /** Both steps of USER_SRP_AUTH; the answer of the second (or of the first, when it refused). */
    ApiClient.Response srpSignIn(String username, String password) {
        SrpClient srp = new SrpClient(POOL, Clock.systemUTC());
        SrpStart start = srp.start();
        ApiClient.Response challenge = initiateSrp(username, start.srpA());
        if (challenge.status() != 200) return challenge;
        Map<String, String> parameters = new HashMap<>();
        challenge.json().path("ChallengeParameters").fields().forEachRemaining(f -> parameters.put(f.getKey(), f.getValue().asText()));
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(parameters), Password.of(password));
        return call("RespondToAuthChallenge", Map.of("ChallengeName", "PASSWORD_VERIFIER", "ClientId", CLIENT,
                "ChallengeResponses", claim.challengeResponses()));
    }

    static String type(ApiClient.Response r) {
        return r.json() == null ? "" : r.json().path("__type").asText();
    }

    static String message(ApiClient.Response r) {
        return r.json() == null ? "" : r.json().path("message").asText();
    }
}
