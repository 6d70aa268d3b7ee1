package software.amazon.awssdk.services.dynamodb.archfixture;

/** A stand-in living in the DynamoDB SDK's package (see {@code StandInSdkType}). */
public class StandInDynamoDbType {}
