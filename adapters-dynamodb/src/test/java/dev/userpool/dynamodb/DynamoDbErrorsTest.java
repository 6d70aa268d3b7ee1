package dev.userpool.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class DynamoDbErrorsTest {

    private static SdkException failure(String code) {
        if (code.equals("none")) return SdkClientException.create("Unable to execute HTTP request: Connection refused");
        return DynamoDbException.builder().statusCode(400).message(code + ": details")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("details").build()).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ProvisionedThroughputExceededException|throttling requests past the retries",
            "ThrottlingException|throttling requests past the retries",
            "ResourceNotFoundException|table or index does not exist",
            "AccessDeniedException|refused the credentials or their permissions (AccessDeniedException)",
            "UnrecognizedClientException|refused the credentials or their permissions (UnrecognizedClientException)",
            "InternalServerError|DynamoDB failed (InternalServerError)",
            "none|DynamoDB failed (no answer: Unable to execute HTTP request: Connection refused)"})
    void everyFailureBecomesServiceUnavailableThatSaysWhy(String code, String says) {
        UserPoolException e = DynamoDbErrors.translate(failure(code), "reading events");
        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("Audit trail: ").contains(says).endsWith("(while reading events).");
    }

    @ParameterizedTest
    @CsvSource({"ValidationException,true", "ProvisionedThroughputExceededException,false", "ResourceNotFoundException,false",
            "AccessDeniedException,false", "none,false"})
    void onlyAnInvalidRequestIsARefusalThatMustNotWaitInTheSpool(String code, boolean refusal) {
        assertThat(DynamoDbErrors.isRefusal(failure(code))).isEqualTo(refusal);
    }
}
