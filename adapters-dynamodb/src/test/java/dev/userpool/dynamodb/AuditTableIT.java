package dev.userpool.dynamodb;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Creating the table, and checking one that exists, on dynalite (a new table is CREATING for 500 ms there). */
class AuditTableIT {
    private static Dynalite dynalite;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.inMemory();
        client = dynalite.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        dynalite.close();
    }

    @Test
    void createsTheTableWithItsIndexOnDemandAndWaitsUntilItIsActive() {
        new AuditTable(client, "created").createIfMissing(Duration.ofSeconds(30));

        TableDescription t = client.describeTable(b -> b.tableName("created")).table();
        assertThat(t.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(t.keySchema()).extracting(k -> k.attributeName() + " " + k.keyType())
                .containsExactly("pk " + KeyType.HASH, "sk " + KeyType.RANGE);
        assertThat(t.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("gsi1");
            assertThat(gsi.keySchema()).extracting(k -> k.attributeName() + " " + k.keyType())
                    .containsExactly("gsi1pk " + KeyType.HASH, "gsi1sk " + KeyType.RANGE);
            assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });

        new AuditTable(client, "created").createIfMissing(Duration.ofSeconds(30));   // a second start finds it
        new AuditTable(client, "created").verify();
    }

    @Test
    void permissionsThatDoNotReachTheTtlSettingDoNotStopStartUp() {
        DelegatingDynamoDb noTtlRights = new DelegatingDynamoDb(client) {
            @Override
            public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
                throw DynamoDbException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException").errorMessage("not authorized").build()).build();
            }
        };
        new AuditTable(noTtlRights, "ttl-denied").createIfMissing(Duration.ofSeconds(30));
        new AuditTable(noTtlRights, "ttl-denied").verify();
    }

    @Test
    void aMissingTableIsReportedByName() {
        UserPoolException e = assertRefused(() -> new AuditTable(client, "nowhere").verify(), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).contains("'nowhere'", "does not exist");
    }

    @Test
    void aTableOfAnotherShapeIsReportedWithEveryDifference() {
        client.createTable(b -> b.tableName("other-shape").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("gsi1")
                        .keySchema(k -> k.attributeName("gsi1pk").keyType(KeyType.HASH),
                                k -> k.attributeName("gsi1sk").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));

        UserPoolException e = assertRefused(() -> new AuditTable(client, "other-shape").createIfMissing(Duration.ofSeconds(30)),
                ErrorCode.SERVICE_UNAVAILABLE);

        assertThat(e.getMessage()).contains("'other-shape'", "the table is keyed [id HASH]",
                "gsi1sk of type N, expected a string (S)", "projects KEYS_ONLY");
    }
}
