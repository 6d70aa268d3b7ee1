package dev.userpool.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Every Cognito failure becomes the core's error, with a message that carries no secret. */
class CognitoSdkFailuresTest {

    private static CognitoIdentityProviderException cognito(String type, String message, int status) {
        return (CognitoIdentityProviderException) CognitoIdentityProviderException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(type).errorMessage(message).serviceName("CognitoIdentityProvider").build())
                .statusCode(status).message(message).build();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "UsernameExistsException|UsernameExists|User already exists|An account with the given email already exists.",
            "AliasExistsException|UsernameExists|An account with the email already exists.|An account with the given email already exists.",
            "InvalidPasswordException|InvalidPassword|Password did not conform with policy: Password not long enough|Password did not conform with policy: Password not long enough",
            "InvalidParameterException|InvalidParameter|User is already confirmed.|User is already confirmed.",
            "CodeMismatchException|CodeMismatch|Invalid verification code provided, please try again.|Invalid verification code provided, please try again.",
            "ExpiredCodeException|ExpiredCode|Invalid code provided, please request a code again.|Invalid code provided, please request a code again.",
            "NotAuthorizedException|NotAuthorized|Incorrect username or password.|Incorrect username or password.",
            "NotAuthorizedException|NotAuthorized|User cannot be confirmed. Current status is CONFIRMED|User cannot be confirmed. Current status is CONFIRMED",
            "PasswordResetRequiredException|PasswordResetRequired|Password reset required for the user|Password reset required for the user",
            "UnsupportedUserStateException|UnsupportedUserState|Resend not possible. bob status is not FORCE_CHANGE_PASSWORD|Resend not possible. bob status is not FORCE_CHANGE_PASSWORD",
            "UserNotConfirmedException|UserNotConfirmed|User is not confirmed.|User is not confirmed.",
            "UserNotFoundException|UserNotFound|Username/client id combination not found.|User does not exist.",
            "LimitExceededException|LimitExceeded|Attempt limit exceeded, please try after some time.|Attempt limit exceeded, please try after some time.",
            "TooManyFailedAttemptsException|TooManyFailedAttempts|Too many failed attempts.|Too many failed attempts.",
            "ForbiddenException|NotAuthorized|Request blocked by WAF|The user pool's web ACL refused the request.",
            "UserLambdaValidationException|InvalidParameter|PreSignUp failed with error Domain not allowed.|PreSignUp failed with error Domain not allowed."})
    void aRefusalBecomesTheCoresError(String type, String code, String cognitoSays, String message) {
        UserPoolException e = CognitoSdkFailures.translate("Op", cognito(type, cognitoSays, 400));

        assertThat(e.code().code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.getCause()).as("no SDK exception leaves the adapter, not even as a cause").isNull();
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) → ServiceUnavailable")
    @CsvSource(delimiter = '|', value = {
            "TooManyRequestsException|400|Cognito is busy",
            "ThrottlingException|400|Cognito is busy",
            "InternalErrorException|500|InternalErrorException",
            "ResourceNotFoundException|400|ResourceNotFoundException",
            "UnexpectedLambdaException|400|UnexpectedLambdaException",
            "InvalidEmailRoleAccessPolicyException|400|InvalidEmailRoleAccessPolicyException",
            "AccessDeniedException|400|AccessDeniedException",
            "CodeDeliveryFailureException|400|could not deliver the code"})
    void throttlingOutagesAndOperatorProblemsAreServiceUnavailable(String type, int status, String says) {
        UserPoolException e = CognitoSdkFailures.translate("Op", cognito(type, "whatever", status));

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).contains(says);
    }

    @Test
    void failuresBeforeAnAnswerAreServiceUnavailable() {
        assertThat(CognitoSdkFailures.translate("Op", SdkClientException.create("Unable to execute HTTP request: Connection refused")))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessage("Cognito cannot be reached.");
        assertThat(CognitoSdkFailures.translate("Op", ApiCallTimeoutException.create(1000)))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessage("Cognito did not answer in time.");
    }

    @Test
    void theCallersSecretsAndAnythingTokenShapedAreCutOutOfCognitosMessages() {
        String password = "Correct-Horse-9";
        String jwt = "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVlLWhlcmU";
        UserPoolException e = CognitoSdkFailures.translate("Op",
                cognito("NotAuthorizedException", "Bad password " + password + " and token " + jwt, 400), password);

        assertThat(e.getMessage()).doesNotContain(password).doesNotContain(jwt).doesNotContain("c2lnbmF0dXJl")
                .isEqualTo("Bad password *** and token ***");
    }

    @Test
    void aSixDigitCodeIsCutOutWhenTheCallerNamesIt() {
        UserPoolException e = CognitoSdkFailures.translate("Op", cognito("InvalidParameterException", "code 123456 is odd", 400), "123456");

        assertThat(e.getMessage()).isEqualTo("code *** is odd");
    }

    @Test
    void aRefusalWithoutAMessageStillSaysSomething() {
        assertThat(CognitoSdkFailures.translate("Op", cognito("NotAuthorizedException", null, 400)).getMessage())
                .isEqualTo("Incorrect username or password.");
    }

    @Test
    void callPassesResultsThroughAndTranslatesFailures() {
        assertThat(CognitoSdkFailures.call("Op", () -> "fine")).isEqualTo("fine");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CognitoSdkFailures.call("Op", () -> {
            throw cognito("UserNotFoundException", "User does not exist.", 400);
        }))).isInstanceOf(UserPoolException.class)
                .satisfies(t -> assertThat(((UserPoolException) t).code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
    }
}
