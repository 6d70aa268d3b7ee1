package dev.userpool.cognito;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** The tokens of Cognito's {@code AuthenticationResult}, in the core's {@link Tokens}. */
final class CognitoTokens {
    private CognitoTokens() {}

    static Tokens from(AuthenticationResultType result) {
        if (result == null || blank(result.idToken()) || blank(result.accessToken())) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito answered without tokens.");
        }
        Duration expiresIn = result.expiresIn() != null && result.expiresIn() > 0
                ? Duration.ofSeconds(result.expiresIn()) : lifetime(result.accessToken());
        return new Tokens(result.idToken(), result.accessToken(),
                Optional.ofNullable(result.refreshToken()).filter(t -> !t.isBlank()), expiresIn);
    }

    /**
     * The session with its account, as the ID token names it ({@code sub}, {@code email}). The tokens
     * come straight from Cognito over TLS in answer to this call, so their claims are read, not
     * verified again: they are verified wherever they are presented later.
     */
    static SignedIn signedIn(AuthenticationResultType result) {
        Tokens tokens = from(result);
        try {
            JWTClaimsSet claims = JWTParser.parse(tokens.idToken()).getJWTClaimsSet();
            String sub = claims.getSubject();
            String email = claims.getStringClaim("email");
            if (blank(sub) || blank(email)) throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito's ID token names no account.");
            return new SignedIn(new Principal(new UserId(sub), EmailAddress.parse(email)), tokens);
        } catch (ParseException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito answered with an unreadable ID token.");
        }
    }

    /**
     * {@code ExpiresIn} is optional in Cognito's API model; without it the access token's own
     * {@code exp - iat} says the same. Only the number is read here: the token is verified where it is used.
     */
    private static Duration lifetime(String accessToken) {
        try {
            JWTClaimsSet claims = JWTParser.parse(accessToken).getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            Date iat = claims.getIssueTime();
            if (exp != null && iat != null && exp.after(iat)) return Duration.between(iat.toInstant(), exp.toInstant());
        } catch (ParseException e) {
            // falls through
        }
        throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito answered without the tokens' lifetime.");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
