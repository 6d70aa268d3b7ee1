package dev.userpool.cognito.srp;

import dev.userpool.core.domain.UserPoolException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cognito's {@code PASSWORD_VERIFIER} challenge, the answer to InitiateAuth({@code USER_SRP_AUTH}):
 * the server's public value {@code SRP_B} and {@code SALT} (hex), the opaque {@code SECRET_BLOCK}
 * (base64) to sign and hand back, {@code USER_ID_FOR_SRP} (the name the verifier was made with) and
 * {@code USERNAME} (the name to answer with). A challenge that lacks a value or carries a malformed one
 * cannot be answered: {@code NotAuthorized}, naming the parameter.
 */
public record PasswordVerifierChallenge(String srpB, String salt, String secretBlock, String userIdForSrp, String username) {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    public PasswordVerifierChallenge {
        List<String> missing = new ArrayList<>();
        if (blank(srpB)) missing.add("SRP_B");
        if (blank(salt)) missing.add("SALT");
        if (blank(secretBlock)) missing.add("SECRET_BLOCK");
        if (blank(userIdForSrp)) missing.add("USER_ID_FOR_SRP");
        if (blank(username)) missing.add("USERNAME");
        if (!missing.isEmpty()) {
            throw UserPoolException.notAuthorized("Cognito's PASSWORD_VERIFIER challenge lacks " + String.join(", ", missing));
        }
        if (!HEX.matcher(srpB).matches()) throw malformed("SRP_B", "not hexadecimal");
        if (!HEX.matcher(salt).matches()) throw malformed("SALT", "not hexadecimal");
        try {
            Base64.getDecoder().decode(secretBlock);
        } catch (IllegalArgumentException e) {
            throw malformed("SECRET_BLOCK", "not base64");
        }
    }

    /** From InitiateAuth's {@code ChallengeParameters}. */
    public static PasswordVerifierChallenge from(Map<String, String> challengeParameters) {
        Map<String, String> p = challengeParameters == null ? Map.of() : challengeParameters;
        return new PasswordVerifierChallenge(
                p.get("SRP_B"), p.get("SALT"), p.get("SECRET_BLOCK"), p.get("USER_ID_FOR_SRP"), p.get("USERNAME"));
    }

    byte[] secretBlockBytes() {
        return Base64.getDecoder().decode(secretBlock);
    }

    @Override
    public String toString() {
        return "PasswordVerifierChallenge[username=" + username + ", userIdForSrp=" + userIdForSrp + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static UserPoolException malformed(String parameter, String problem) {
        return UserPoolException.notAuthorized("Cognito's PASSWORD_VERIFIER challenge has a malformed " + parameter + ": " + problem);
    }
}
