package dev.userpool.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.app.fuzz.BlackBoxFuzzer.Accounts.Account;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A valid request for every REST route and every Cognito operation the app serves, and the mutations the
 * fuzzer makes of them: the JSON body (values of other types, huge or deep, fields dropped or added,
 * bytes flipped, cut short), the query (limits, cursors, time ranges), path parameters, content type and
 * the Cognito target. Placeholders name the account a request acts on.
 */
final class RequestTemplates {
    static final String PASSWORD = "Blackbox-Horse-9!";
    static final String OTHER_PASSWORD = "Blackbox-Zebra-7?";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String COGNITO = "application/x-amz-json-1.1";
    private static final String TARGET = "AWSCognitoIdentityProviderService.";
    private static final String POOL = "\"UserPoolId\":\"local_Userpool1\"";
    private static final String CLIENT = "\"ClientId\":\"userpool-local\"";
    private static final String SRP_A = new java.math.BigInteger("2").modPow(new java.math.BigInteger("1234567890abcdef1234567890", 16),
            dev.userpool.srp.SrpGroup.N).toString(16);

    /** One request: {@code what} names its route or operation in the report. */
    record Request(String what, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8) + " ";
            return method + " " + pathAndQuery + " " + text + headers;
        }
    }

    private record Template(String what, String method, String path, String body, boolean cognito) {}

    private static final List<Template> TEMPLATES = List.of(
            rest("POST", "/api/signup", "{\"email\":\"new-$N@example.com\",\"password\":\"$PASSWORD\"}"),
            rest("POST", "/api/confirm", "{\"email\":\"$EMAIL\",\"code\":\"123456\"}"),
            rest("POST", "/api/resend-code", "{\"email\":\"$EMAIL\"}"),
            rest("POST", "/api/verify-link", "{\"email\":\"$EMAIL\"}"),
            rest("POST", "/api/verify-link/complete", "{\"email\":\"$EMAIL\"}"),
            rest("GET", "/api/verify-link/callback?email=$EMAIL&token=abc", null),
            rest("POST", "/api/signin", "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}"),
            rest("POST", "/api/signin", "{\"email\":\"$EMAIL\",\"password\":\"Wrong-Horse-1!\"}"),
            rest("POST", "/api/refresh", "{\"refreshToken\":\"$REFRESH\"}"),
            rest("POST", "/api/signout", null),
            rest("GET", "/api/me", null),
            rest("DELETE", "/api/me", null),
            rest("POST", "/api/change-password", "{\"oldPassword\":\"Wrong-Horse-1!\",\"newPassword\":\"$OTHER\"}"),
            rest("POST", "/api/forgot-password", "{\"email\":\"$EMAIL\"}"),
            rest("POST", "/api/reset-password", "{\"email\":\"$EMAIL\",\"code\":\"000000\",\"newPassword\":\"$OTHER\"}"),
            rest("GET", "/api/admin/users?status=CONFIRMED&emailVerified=true&limit=5&cursor=$CURSOR", null),
            rest("GET", "/api/admin/users/$EMAIL", null),
            rest("POST", "/api/admin/users/$EMAIL/confirm", null),
            rest("POST", "/api/admin/users/$EMAIL/disable", null),
            rest("POST", "/api/admin/users/$EMAIL/enable", null),
            rest("DELETE", "/api/admin/users/$EMAIL", null),
            rest("GET", "/api/admin/audit?email=$EMAIL&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=5&cursor=$CURSOR", null),
            rest("GET", "/api/dev/mailbox?to=$EMAIL", null),
            rest("GET", "/.well-known/jwks.json", null),
            rest("GET", "/.well-known/openid-configuration", null),
            rest("GET", "/local_Userpool1/.well-known/jwks.json", null),
            rest("GET", "/health", null),
            rest("GET", "/metrics", null),
            rest("GET", "/index.html", null),
            rest("GET", "/wildrydes/js/config.js", null),
            cognito("SignUp", "{" + CLIENT + ",\"Username\":\"new-$N@example.com\",\"Password\":\"$PASSWORD\","
                    + "\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"new-$N@example.com\"}]}"),
            cognito("ConfirmSignUp", "{" + CLIENT + ",\"Username\":\"$EMAIL\",\"ConfirmationCode\":\"123456\"}"),
            cognito("ResendConfirmationCode", "{" + CLIENT + ",\"Username\":\"$EMAIL\"}"),
            cognito("InitiateAuth", "{" + CLIENT + ",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":{\"USERNAME\":\"$EMAIL\",\"SRP_A\":\"" + SRP_A + "\"}}"),
            cognito("InitiateAuth", "{" + CLIENT + ",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"$EMAIL\",\"PASSWORD\":\"$PASSWORD\"}}"),
            cognito("InitiateAuth", "{" + CLIENT + ",\"AuthFlow\":\"REFRESH_TOKEN_AUTH\",\"AuthParameters\":{\"REFRESH_TOKEN\":\"$REFRESH\"}}"),
            cognito("RespondToAuthChallenge", "{" + CLIENT + ",\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ChallengeResponses\":{\"USERNAME\":\"$EMAIL\","
                    + "\"PASSWORD_CLAIM_SECRET_BLOCK\":\"AAAA\",\"TIMESTAMP\":\"Wed Apr 5 22:42:34 UTC 2017\",\"PASSWORD_CLAIM_SIGNATURE\":\"AAAA\"}}"),
            cognito("GetTokensFromRefreshToken", "{" + CLIENT + ",\"RefreshToken\":\"$REFRESH\"}"),
            cognito("GetUser", "{\"AccessToken\":\"$ACCESS\"}"),
            cognito("GlobalSignOut", "{\"AccessToken\":\"$ACCESS\"}"),
            cognito("RevokeToken", "{" + CLIENT + ",\"Token\":\"$REFRESH\"}"),
            cognito("ForgotPassword", "{" + CLIENT + ",\"Username\":\"$EMAIL\"}"),
            cognito("ConfirmForgotPassword", "{" + CLIENT + ",\"Username\":\"$EMAIL\",\"ConfirmationCode\":\"000000\",\"Password\":\"$OTHER\"}"),
            cognito("ChangePassword", "{\"AccessToken\":\"$ACCESS\",\"PreviousPassword\":\"Wrong-Horse-1!\",\"ProposedPassword\":\"$OTHER\"}"),
            cognito("DeleteUser", "{\"AccessToken\":\"$ACCESS\"}"),
            cognito("AdminConfirmSignUp", "{" + POOL + ",\"Username\":\"$EMAIL\"}"),
            cognito("AdminGetUser", "{" + POOL + ",\"Username\":\"$EMAIL\"}"),
            cognito("AdminUpdateUserAttributes", "{" + POOL + ",\"Username\":\"$EMAIL\",\"UserAttributes\":[{\"Name\":\"email_verified\",\"Value\":\"true\"}]}"),
            cognito("AdminDisableUser", "{" + POOL + ",\"Username\":\"$EMAIL\"}"),
            cognito("AdminEnableUser", "{" + POOL + ",\"Username\":\"$EMAIL\"}"),
            cognito("AdminDeleteUser", "{" + POOL + ",\"Username\":\"$EMAIL\"}"),
            cognito("AdminUserGlobalSignOut", "{" + POOL + ",\"Username\":\"$EMAIL\"}"),
            cognito("ListUsers", "{" + POOL + ",\"Filter\":\"email ^= \\\"blackbox\\\"\",\"Limit\":5,\"PaginationToken\":\"$CURSOR\"}"),
            cognito("ListUsers", "{" + POOL + ",\"Filter\":\"cognito:user_status = \\\"CONFIRMED\\\"\",\"Limit\":60}"));

    private RequestTemplates() {}

    private static Template rest(String method, String path, String body) {
        return new Template(method + " " + path.replaceAll("\\?.*", "").replace("$EMAIL", "{email}"), method, path, body, false);
    }

    private static Template cognito(String operation, String body) {
        return new Template("Cognito " + operation, "POST", "/", body, true);
    }

    /** A template picked at random, for {@code account}, most often mutated. */
    static Request mutated(Random random, Account account) {
        Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        String path = t.path().replace("$CURSOR", cursor(random));
        String body = t.body();
        Map<String, String> headers = new LinkedHashMap<>();
        if (t.cognito()) {
            String operation = t.what().substring("Cognito ".length());
            headers.put("Content-Type", COGNITO);
            headers.put("X-Amz-Target", TARGET + (random.nextInt(25) == 0 ? mutateText(random, operation) : operation));
        } else {
            if (body != null) headers.put("Content-Type", "application/json");
            if (random.nextInt(4) != 0) headers.put("Authorization", "Bearer " + pick(random, List.of("$ACCESS", "$ID", "$ACCESS", "garbage.token.x", "")));
        }
        int how = random.nextInt(10);
        if (how >= 3 && body != null) body = mutateBody(random, body);
        if (how == 1) path = mutatePath(random, path);
        if (how == 2) headers.put("Content-Type", pick(random, List.of("text/plain", "application/json; charset=latin1", COGNITO,
                "application/x-amz-json-1.0", "multipart/form-data; boundary=x", "application/json")));
        if (random.nextInt(20) == 0) headers.remove("Content-Type");
        if (random.nextInt(30) == 0) body = randomText(random, random.nextInt(4) == 0 ? 70_000 : 300);
        headers.replaceAll((name, value) -> fill(value, account, random, false));
        return request(t.what(), t.method(), fill(path, account, random, true), headers, body == null ? null : fill(body, account, random, false));
    }

    /**
     * Everything that touches one account, to be sent at the same moment: sign-ins with the right and a
     * wrong password, change password, delete, global sign-out and refresh, through both APIs.
     */
    static List<Request> onOneAccount(Random random, Account a) {
        List<Request> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String password = i % 2 == 0 ? PASSWORD : "Wrong-Horse-" + i + "!";
            all.add(rest("account burst POST /api/signin", "POST", "/api/signin", "{\"email\":\"$EMAIL\",\"password\":\"" + password + "\"}", a));
            all.add(cognitoRequest("account burst Cognito InitiateAuth", "InitiateAuth", "{" + CLIENT
                    + ",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"$EMAIL\",\"PASSWORD\":\"" + password + "\"}}", a));
        }
        all.add(rest("account burst POST /api/change-password", "POST", "/api/change-password",
                "{\"oldPassword\":\"$PASSWORD\",\"newPassword\":\"$OTHER\"}", a));
        all.add(cognitoRequest("account burst Cognito ChangePassword", "ChangePassword",
                "{\"AccessToken\":\"$ACCESS\",\"PreviousPassword\":\"$PASSWORD\",\"ProposedPassword\":\"$OTHER\"}", a));
        all.add(rest("account burst DELETE /api/me", "DELETE", "/api/me", null, a));
        all.add(cognitoRequest("account burst Cognito DeleteUser", "DeleteUser", "{\"AccessToken\":\"$ACCESS\"}", a));
        all.add(rest("account burst POST /api/signout", "POST", "/api/signout", null, a));
        all.add(cognitoRequest("account burst Cognito GlobalSignOut", "GlobalSignOut", "{\"AccessToken\":\"$ACCESS\"}", a));
        all.add(rest("account burst POST /api/refresh", "POST", "/api/refresh", "{\"refreshToken\":\"$REFRESH\"}", a));
        all.add(cognitoRequest("account burst Cognito AdminDeleteUser", "AdminDeleteUser", "{" + POOL + ",\"Username\":\"$EMAIL\"}", a));
        all.add(rest("account burst GET /api/me", "GET", "/api/me", null, a));
        java.util.Collections.shuffle(all, random);
        return all;
    }

    private static Request rest(String what, String method, String path, String body, Account a) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + a.access());
        if (body != null) headers.put("Content-Type", "application/json");
        return request(what, method, path, headers, body == null ? null : fill(body, a, null, false));
    }

    private static Request cognitoRequest(String what, String operation, String body, Account a) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", COGNITO);
        headers.put("X-Amz-Target", TARGET + operation);
        return request(what, "POST", "/", headers, fill(body, a, null, false));
    }

    private static Request request(String what, String method, String path, Map<String, String> headers, String body) {
        Map<String, String> filled = new LinkedHashMap<>();
        headers.forEach((k, v) -> filled.put(k, v));
        return new Request(what, method, path, filled, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String fill(String text, Account a, Random random, boolean inUrl) {
        String email = inUrl ? java.net.URLEncoder.encode(a.email(), StandardCharsets.UTF_8) : a.email();
        return text.replace("$EMAIL", email).replace("$PASSWORD", a.password()).replace("$OTHER", OTHER_PASSWORD)
                .replace("$ACCESS", a.access()).replace("$ID", a.id()).replace("$REFRESH", a.refresh())
                .replace("$N", Long.toString(random == null ? System.nanoTime() : random.nextInt(1_000_000)));
    }

    private static String cursor(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(randomText(random, 40).getBytes(StandardCharsets.UTF_8));
            case 2 -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (random.nextLong() + "\u0000" + random.nextInt() + "\u0000" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            case 3 -> "%%%" + random.nextInt();
            case 4 -> "A".repeat(random.nextInt(5000));
            default -> "YmxhY2tib3g";
        };
    }

    private static String mutatePath(Random random, String path) {
        return switch (random.nextInt(5)) {
            case 0 -> path.replaceAll("limit=\\d+", "limit=" + pick(random, List.of("0", "-1", "61", "99999999999", "x", "1e3", "")));
            case 1 -> path.replaceAll("from=[^&]*", "from=" + pick(random, List.of("yesterday", "-999999999-01-01T00:00:00Z",
                    "%2B999999999-12-31T23:59:59Z", "2030-01-01", "")));
            case 2 -> path.replace("$EMAIL", java.net.URLEncoder.encode(randomText(random, 80), StandardCharsets.UTF_8));
            case 3 -> path + (path.contains("?") ? "&" : "?") + java.net.URLEncoder.encode(randomText(random, 30), StandardCharsets.UTF_8)
                    + "=" + java.net.URLEncoder.encode(randomText(random, 30), StandardCharsets.UTF_8);
            default -> path.replaceAll("status=[A-Z]*", "status=" + pick(random, List.of("", "confirmed", "FORCE_CHANGE_PASSWORD", "%00")));
        };
    }

    /** The body with one to three mutations, structural (on the JSON tree) or on its text. */
    static String mutateBody(Random random, String body) {
        String result = body;
        int times = 1 + random.nextInt(3);
        for (int i = 0; i < times; i++) {
            if (random.nextInt(3) == 0) {
                result = mutateText(random, result);
            } else {
                try {
                    JsonNode tree = JSON.readTree(result);
                    if (tree != null && tree.isObject()) result = JSON.writeValueAsString(mutateTree(random, (ObjectNode) tree, 0));
                    else result = mutateText(random, result);
                } catch (IOException notJsonAnyMore) {
                    result = mutateText(random, result);
                }
            }
        }
        return result;
    }

    private static JsonNode mutateTree(Random random, ObjectNode node, int depth) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        if (names.isEmpty() || random.nextInt(8) == 0) {
            node.set(randomText(random, 12), randomValue(random));
            return node;
        }
        String name = names.get(random.nextInt(names.size()));
        JsonNode child = node.get(name);
        if (child.isObject() && depth < 3 && random.nextBoolean()) {
            mutateTree(random, (ObjectNode) child, depth + 1);
        } else if (random.nextInt(6) == 0) {
            node.remove(name);
        } else {
            node.set(name, randomValue(random));
        }
        return node;
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e" + random.nextInt(1000)));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.textNode(randomText(random, random.nextInt(5) == 0 ? 5_000 : 60));
            case 5 -> NODES.textNode("");
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) array.add(randomText(random, 10));
                yield array;
            }
            case 7 -> {
                ObjectNode deep = NODES.objectNode();
                ObjectNode at = deep;
                for (int i = random.nextInt(300); i > 0; i--) at = at.putObject("d");
                yield deep;
            }
            case 8 -> NODES.textNode(pick(random, List.of("a@b@c", " ", "\u0000", "USER_SRP_AUTH", "0", "-1", "PASSWORD_VERIFIER",
                    "email = \"" + "q".repeat(3000) + "\"", "cognito:user_status = \"CONFIRMED\"", "Wed Apr 5 22:42:34 UTC 2017",
                    "eyJhbGciOiJub25lIn0.e30.", "ffffffffffffffff", "$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA")));
            case 9 -> NODES.numberNode(random.nextInt(200) - 100);
            case 10 -> NODES.textNode(randomText(random, 300));
            default -> NODES.textNode(randomEmail(random));
        };
    }

    static String mutateText(Random random, String text) {
        StringBuilder s = new StringBuilder(text);
        switch (random.nextInt(6)) {
            case 0 -> { if (s.length() > 0) s.setLength(random.nextInt(s.length())); }
            case 1 -> s.insert(s.length() == 0 ? 0 : random.nextInt(s.length()), randomText(random, 1 + random.nextInt(8)));
            case 2 -> { if (s.length() > 0) s.setCharAt(random.nextInt(s.length()), (char) random.nextInt(0x3000)); }
            case 3 -> { if (s.length() > 1) { int i = random.nextInt(s.length() - 1); s.delete(i, i + 1 + random.nextInt(Math.min(20, s.length() - i))); } }
            case 4 -> s.insert(0, "[".repeat(random.nextInt(3000)));
            default -> s.append(s);
        }
        return s.toString();
    }

    static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            s.append(kind < 6 ? (char) (0x20 + random.nextInt(0x5f)) : kind < 8 ? (char) random.nextInt(0x20) : (char) (0x80 + random.nextInt(0x2f00)));
        }
        return s.toString();
    }

    private static String randomEmail(Random random) {
        return randomText(random, 1 + random.nextInt(70)).replaceAll("[\\s@]", "x") + "@" + pick(random, List.of("example.com", "x", "a.b.c", ""));
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
