package dev.userpool.app.http.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS JSON 1.1 protocol of the Cognito endpoint, on the wire: how an operation is named, how
 * errors look ({@code __type}, {@code message}, HTTP 400, {@code x-amzn-ErrorType}), what is refused
 * before any use case runs, CORS for browsers, and where admin operations are accepted from.
 */
class CognitoApiProtocolTest {
    private RunningApp app;
    private ApiClient http;

    private void start(Map<String, String> env) {
        app = RunningApp.start(env);
        http = new ApiClient(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void anOperationItDoesNotServeIsNamedInTheError() {
        start(Map.of());
        Response r = call("AdminListDevices", "{\"UserPoolId\":\"local_Userpool1\"}", Map.of());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.raw().headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(r.raw().headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.json().path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(r.json().path("message").asText()).contains("AdminListDevices").contains("SignUp").contains("ListUsers");
    }

    @Test
    void withoutATargetOrWithAnotherContentTypeNothingRuns() {
        start(Map.of());
        Response noTarget = send(HttpRequest.newBuilder(app.url("/")).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(noTarget.json().path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(noTarget.json().path("message").asText()).contains("X-Amz-Target");

        Response json = send(HttpRequest.newBuilder(app.url("/")).header("Content-Type", "application/json")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.SignUp").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"ClientId\":\"userpool-local\",\"Username\":\"a@example.com\",\"Password\":\"Correct-Horse-9!\"}")));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().path("message").asText()).contains("application/x-amz-json-1.1");
        assertThat(http.get("/api/dev/mailbox?to=a@example.com").json().path("messages")).as("no account was made").isEmpty();
    }

    @Test
    void malformedBodiesAndMissingMembersAreRefusedInAwsWords() {
        start(Map.of());
        Response broken = call("SignUp", "{not json", Map.of());
        assertThat(broken.json().path("__type").asText()).isEqualTo("SerializationException");

        Response missing = call("SignUp", "{\"ClientId\":\"userpool-local\",\"Password\":\"Correct-Horse-9!\"}", Map.of());
        assertThat(missing.json().path("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(missing.json().path("message").asText())
                .isEqualTo("1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");

        Response otherAttribute = call("SignUp", "{\"ClientId\":\"userpool-local\",\"Username\":\"b@example.com\","
                + "\"Password\":\"Correct-Horse-9!\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"c@example.com\"}]}", Map.of());
        assertThat(otherAttribute.json().path("__type").asText()).isEqualTo("InvalidParameterException");
    }

    /**
     * Issue 18, reproducer 1. Before the fix this answered 500 InternalErrorException (which SDKs retry):
     * the handler took Javalin's "Content Too Large" refusal for a failure on our side.
     */
    @Test
    void aBodyOver64KiBIsTheCallersMistakeNotOurs() {
        start(Map.of());
        String big = "{\"ClientId\":\"userpool-local\",\"Username\":\"big@example.com\",\"Password\":\""
                + "A".repeat(70_000) + "\"}";
        Response r = call("SignUp", big, Map.of());

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.raw().headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
        assertThat(r.json().path("__type").asText()).isEqualTo("SerializationException");
        assertThat(r.json().path("message").asText()).contains("64 KiB");
    }

    /**
     * Issue 18, reproducer 2. Before the fix a quoted value of a few thousand characters overflowed the
     * stack in the filter's regular expression; the StackOverflowError escaped the handler and Javalin
     * answered 500 with an empty text body. Now Cognito's length limit (256) refuses it, and the parser
     * has no recursion to overflow.
     */
    @Test
    void aListUsersFilterLongerThanCognitosLimitIsAnInvalidParameter() {
        start(Map.of());
        String filter = "email = \\\"" + "a".repeat(20_000) + "\\\"";
        Response r = call("ListUsers", "{\"UserPoolId\":\"local_Userpool1\",\"Filter\":\"" + filter + "\"}", Map.of());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(r.json().path("message").asText()).contains("length less than or equal to 256");

        String longest = "email ^= \\\"" + "b".repeat(256 - 11) + "\\\"";
        Response atLimit = call("ListUsers", "{\"UserPoolId\":\"local_Userpool1\",\"Filter\":\"" + longest + "\"}", Map.of());
        assertThat(atLimit.status()).as(atLimit.text()).isEqualTo(200);
        assertThat(atLimit.json().path("Users")).isEmpty();
    }

    /**
     * Found by the black-box fuzz run (issue 18): a body shorter than its Content-Length, the client then
     * closing its side, was Javalin's "client abort", answered 500 with an empty text body on both APIs.
     */
    @Test
    void aBodyCutShortIsTheCallersMistakeOnBothApis() throws java.io.IOException {
        start(Map.of());
        String body = "{\"ClientId\":\"userpool-local\",\"Username\":\"cut@example.com\"}";
        String cognito = raw("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: AWSCognitoIdentityProviderService.SignUp\r\nContent-Length: 500\r\nConnection: close\r\n\r\n" + body);
        assertThat(cognito).startsWith("HTTP/1.1 400").contains("application/x-amz-json-1.1").contains("SerializationException");
        String rest = raw("POST /api/signup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 500\r\nConnection: close\r\n\r\n" + body);
        assertThat(rest).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("ended before its declared length");
    }

    private String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(app.baseUrl().getHost(), app.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void browsersMayCallItFromAnyOriginButNeverTheAdminOperations() {
        start(Map.of());
        Response preflight = send(HttpRequest.newBuilder(app.url("/")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("x-amz-target");

        Response fromPage = call("ListUsers", "{\"UserPoolId\":\"local_Userpool1\"}", Map.of("Origin", "http://evil.example"));
        assertThat(fromPage.json().path("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(fromPage.json().path("message").asText()).contains("web pages");
        assertThat(call("ListUsers", "{\"UserPoolId\":\"local_Userpool1\"}", Map.of()).status())
                .as("the same call from this machine, without Origin").isEqualTo(200);
    }

    @Test
    void adminOperationsCanBeTurnedOffOrOpenedToOtherMachines() {
        start(Map.of("USERPOOL_POOL_ADMIN", "off"));
        Response off = call("AdminGetUser", "{\"UserPoolId\":\"local_Userpool1\",\"Username\":\"a@example.com\"}", Map.of());
        assertThat(off.json().path("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(off.json().path("message").asText()).contains("USERPOOL_POOL_ADMIN=off").contains("cognito-idp:AdminGetUser");
        stop();

        start(Map.of("USERPOOL_POOL_ADMIN", "any"));
        Response any = call("AdminGetUser", "{\"UserPoolId\":\"local_Userpool1\",\"Username\":\"a@example.com\"}", Map.of());
        assertThat(any.json().path("__type").asText()).isEqualTo("UserNotFoundException");
    }

    @Test
    void thePoolIdAndClientIdAreTheConfiguredOnes() {
        start(Map.of("USERPOOL_POOL_ID", "eu-west-1_Custom42", "USERPOOL_CLIENT_ID", "customclient"));
        assertThat(call("ListUsers", "{\"UserPoolId\":\"local_Userpool1\"}", Map.of()).json().path("message").asText())
                .isEqualTo("User pool local_Userpool1 does not exist.");
        assertThat(call("ListUsers", "{\"UserPoolId\":\"eu-west-1_Custom42\"}", Map.of()).status()).isEqualTo(200);
        assertThat(call("SignUp", "{\"ClientId\":\"userpool-local\",\"Username\":\"a@example.com\",\"Password\":\"Correct-Horse-9!\"}",
                Map.of()).json().path("message").asText()).isEqualTo("User pool client userpool-local does not exist.");

        assertThat(http.get("/eu-west-1_Custom42/.well-known/openid-configuration").json().path("issuer").asText())
                .isEqualTo(app.baseUrl() + "/eu-west-1_Custom42");
        assertThat(http.get("/eu-west-1_Custom42/.well-known/jwks.json").json().path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
        String config = http.get("/wildrydes/js/config.js").text();
        assertThat(config).contains("\"userPoolId\":\"eu-west-1_Custom42\"").contains("\"userPoolClientId\":\"customclient\"")
                .contains("\"region\":\"eu-west-1\"");
    }

    @Test
    void withCognitoAsTheDirectoryTheApiSaysWhereTheUsersAre() {
        start(Map.of("USERPOOL_DIRECTORY", "cognito", "AWS_REGION", "eu-west-1",
                "USERPOOL_COGNITO_USER_POOL_ID", "eu-west-1_AbCdEf123", "USERPOOL_COGNITO_CLIENT_ID", "client",
                "USERPOOL_COGNITO_ENDPOINT", "http://127.0.0.1:9"));
        Response r = call("SignUp", "{}", Map.of());
        assertThat(r.json().path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(r.json().path("message").asText()).contains("USERPOOL_DIRECTORY=cognito");
        assertThat(http.get("/wildrydes/js/config.js").text()).contains("\"userPoolId\":\"\"");
    }

    private Response call(String operation, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.url("/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        new HashMap<>(headers).forEach(request::header);
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        return http.send(request.build());
    }
}
