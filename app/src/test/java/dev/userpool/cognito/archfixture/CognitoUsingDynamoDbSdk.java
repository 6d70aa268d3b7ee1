package dev.userpool.cognito.archfixture;

/** Deliberately breaks the rule that each AWS service's SDK stays in its own adapter. */
public class CognitoUsingDynamoDbSdk {
    software.amazon.awssdk.services.dynamodb.archfixture.StandInDynamoDbType client;
}
