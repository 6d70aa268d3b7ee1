package dev.userpool.embedded;

import static dev.userpool.embedded.CognitoClaims.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verifier's fast path for the tokens this pool signs itself, which are nearly all it sees: a token
 * whose header segment is, byte for byte, the header {@link TokenIssuer} writes for one of our keys
 * ({@code {"kid":…,"alg":"RS256"}}) has its RS256 signature checked with a JCA {@link Signature} kept per
 * thread and key (AWS-LC's once {@link AwsLc} has loaded, the JDK's until then), and only then its payload read by Jackson's streaming parser into the few claims the
 * verifier needs. Nimbus's general path (parse the header JSON, pick the algorithm, parse every claim into
 * maps) costs about as much again as the signature; nothing here is skipped that it checks for such a
 * token, because the header cannot differ and the payload is our own once the signature holds.
 *
 * <p>Any other header (another key order, whitespace, another algorithm, an unknown key) is
 * {@link Optional#empty()}: the caller takes Nimbus's path, which accepts or refuses it as before.
 */
final class OwnTokenReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /** The claims the verifier reads; absent ones are {@code null} here and checked there. */
    record Claims(String issuer, Long issuedAt, Long expiresAt, String subject, String tokenUse, List<String> audience,
                  String clientId, String originJti, String email, List<String> groups) {}

    /** A token we signed whose signature does not hold: refused, not handed to the slow path. */
    static final class BadSignature extends Exception {
        BadSignature() {
            super("Token signature is invalid.", null, false, false);
        }
    }

    private final Map<String, PublicKey> keyByHeader;
    /** A thread's verifiers by key, and the provider they came from (all replaced once AWS-LC is ready). */
    private record Verifiers(Optional<java.security.Provider> provider, Map<PublicKey, Signature> byKey) {}

    private final ThreadLocal<Verifiers> verifiers = new ThreadLocal<>();

    OwnTokenReader(Map<String, PublicKey> publicKeysByKid) {
        Map<String, PublicKey> byHeader = new HashMap<>();
        publicKeysByKid.forEach((kid, key) -> byHeader.put(headerSegment(kid), key));
        this.keyByHeader = Map.copyOf(byHeader);
    }

    /** The base64url header segment {@link TokenIssuer} writes for key {@code kid}. */
    static String headerSegment(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build().toBase64URL().toString();
    }

    /**
     * The claims of {@code token} if it carries one of our headers and its signature holds; empty if its
     * header is not one of ours (the caller decides by the general path).
     *
     * @throws BadSignature our header with a signature that does not hold, or a payload that is not JSON
     */
    Optional<Claims> read(String token) throws BadSignature {
        int firstDot = token.indexOf('.');
        if (firstDot < 0) return Optional.empty();
        PublicKey key = keyByHeader.get(token.substring(0, firstDot));
        if (key == null) return Optional.empty();
        int lastDot = token.lastIndexOf('.');
        if (lastDot == firstDot || token.indexOf('.', firstDot + 1) != lastDot) throw new BadSignature();
        try {
            byte[] signature = BASE64URL.decode(token.substring(lastDot + 1));
            Signature rsa = signatureFor(key);
            rsa.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(signature)) throw new BadSignature();
            return Optional.of(claims(BASE64URL.decode(token.substring(firstDot + 1, lastDot))));
        } catch (GeneralSecurityException e) {
            // JCA resets a Signature on every verify, thrown or not; a provider's error is not trusted to:
            // this thread's verifiers are made afresh on its next token.
            verifiers.remove();
            throw new BadSignature();
        } catch (IllegalArgumentException | IOException e) {
            throw new BadSignature();   // not base64url, or a payload that is no JSON
        }
    }

    private Signature signatureFor(PublicKey key) throws GeneralSecurityException {
        Optional<java.security.Provider> provider = AwsLc.provider();
        Verifiers mine = verifiers.get();
        if (mine == null || !mine.provider().equals(provider)) {
            mine = new Verifiers(provider, new HashMap<>());
            verifiers.set(mine);
        }
        Signature rsa = mine.byKey().get(key);
        if (rsa == null) {
            rsa = AwsLc.rs256(provider);
            rsa.initVerify(key);
            mine.byKey().put(key, rsa);
        }
        return rsa;
    }

    private static Claims claims(byte[] payload) throws IOException, BadSignature {
        String iss = null, sub = null, use = null, clientId = null, originJti = null, email = null;
        Long iat = null, exp = null;
        List<String> aud = null, groups = null;
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new BadSignature();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "iss" -> iss = text(p, value);
                    case "sub" -> sub = text(p, value);
                    case TOKEN_USE -> use = text(p, value);
                    case CLIENT_ID -> clientId = text(p, value);
                    case ORIGIN_JTI -> originJti = text(p, value);
                    case EMAIL -> email = text(p, value);
                    case "iat" -> iat = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "exp" -> exp = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "aud" -> aud = value == JsonToken.START_ARRAY ? strings(p) : listOf(text(p, value));
                    case GROUPS -> groups = value == JsonToken.START_ARRAY ? strings(p) : skipped(p);
                    default -> p.skipChildren();
                }
            }
        }
        return new Claims(iss, iat, exp, sub, use, aud, clientId, originJti, email, groups);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) return p.getText();
        p.skipChildren();
        return null;
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> values = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) values.add(p.getText());
            else p.skipChildren();
        }
        return values;
    }

    private static List<String> skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static List<String> listOf(String value) {
        return value == null ? null : List.of(value);
    }
}
