package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool's schema: Cognito's standard attributes with their formats and limits, and the custom ones. */
class AttributeSchemaTest {
    private static final AttributeDefinition FLAVOUR = AttributeDefinition.custom("flavour", AttributeDataType.STRING, true,
            Optional.of(2L), Optional.of(10L));
    private static final AttributeDefinition AGE = AttributeDefinition.custom("age", AttributeDataType.NUMBER, true,
            Optional.of(0L), Optional.of(150L));
    private static final AttributeDefinition MEMBER_ID = AttributeDefinition.custom("member_id", AttributeDataType.STRING, false,
            Optional.empty(), Optional.empty());
    private final AttributeSchema schema = new AttributeSchema(List.of(FLAVOUR, AGE, MEMBER_ID));

    private static String refusal(Runnable call) {
        UserPoolException e = catchThrowableOfType(UserPoolException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        return e.getMessage();
    }

    @Test
    void wellFormedStandardAndCustomValuesAreKept() {
        Map<String, String> values = Map.of("name", "Ada Lovelace", "birthdate", "1815-12-10", "phone_number", "+441234567890",
                "updated_at", "1700000000", "address", "12 St James's Square\nLondon", FLAVOUR.name(), "mint", AGE.name(), "36");
        assertThat(schema.checkNew(values).values()).isEqualTo(values);
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "birthdate    | 1815-12-1    | birthdate: String must be no shorter than 10 characters",
            "birthdate    | 10/12/1815   | birthdate: The attribute must be a date in the format YYYY-MM-DD",
            "birthdate    | 1815-02-30   | birthdate: The attribute must be a date in the format YYYY-MM-DD",
            "updated_at   | yesterday    | updated_at: Number must be a valid number",
            "updated_at   | 17.5         | updated_at: Number must be a whole number of seconds since 1970-01-01T00:00:00Z",
            "updated_at   | -1           | updated_at: Number must be a whole number of seconds since 1970-01-01T00:00:00Z",
            "custom:flavour | x          | custom:flavour: String must be no shorter than 2 characters",
            "custom:flavour | stracciatella | custom:flavour: String must be no longer than 10 characters",
            "custom:age   | 151          | custom:age: Number must be no greater than 150",
            "custom:age   | -3           | custom:age: Number must be no less than 0",
            "custom:age   | old          | custom:age: Number must be a valid number",
            "nickname2    | Ada          | nickname2: Attribute does not exist in the schema.",
            "custom:nope  | Ada          | custom:nope: Attribute does not exist in the schema."})
    void eachFormatRuleRefusesWithCognitosWords(String name, String value, String problem) {
        assertThat(refusal(() -> schema.checkNew(Map.of(name, value))))
                .isEqualTo("Attributes did not conform to the schema: " + problem + "\n");
    }

    @ParameterizedTest
    @CsvSource({"0441234567890", "+44 1234 567890", "+", "+1234567890123456", "tel:+441234567890"})
    void aPhoneNumberIsEPlusDigits(String phone) {
        assertThat(refusal(() -> schema.checkNew(Map.of("phone_number", phone)))).isEqualTo("Invalid phone number format.");
    }

    @Test
    void aStringIsAtMost2048Characters() {
        assertThat(schema.checkNew(Map.of("name", "a".repeat(2048))).get("name")).hasValue("a".repeat(2048));
        assertThat(refusal(() -> schema.checkNew(Map.of("name", "a".repeat(2049)))))
                .isEqualTo("Attributes did not conform to the schema: name: String must be no longer than 2048 characters\n");
    }

    @Test
    void anImmutableAttributeIsWrittenAtCreationOnly() {
        assertThat(schema.checkNew(Map.of(MEMBER_ID.name(), "m-1")).get(MEMBER_ID.name())).hasValue("m-1");
        assertThat(refusal(() -> schema.checkChanges(Map.of(MEMBER_ID.name(), "m-2"))))
                .isEqualTo("Attributes did not conform to the schema: custom:member_id: Attribute cannot be updated.\n");
        assertThat(refusal(() -> schema.checkChanges(Map.of("sub", "x"))))
                .isEqualTo("Attributes did not conform to the schema: sub: Attribute cannot be updated.\n");
        assertThat(refusal(() -> schema.checkDeletions(List.of(MEMBER_ID.name()))))
                .contains("custom:member_id: Attribute cannot be updated.");
        assertThat(schema.checkChanges(Map.of(FLAVOUR.name(), "lemon"))).containsEntry(FLAVOUR.name(), "lemon");
    }

    @Test
    void customAttributesAreAddedOnceAndAtMostFifty() {
        assertThat(refusal(() -> schema.withCustom(List.of(FLAVOUR))))
                .isEqualTo("custom:flavour: Existing attribute already has name custom:flavour.");
        List<AttributeDefinition> fifty = new ArrayList<>();
        for (int i = 0; i < AttributeSchema.MAX_CUSTOM; i++) {
            fifty.add(AttributeDefinition.custom("a" + i, AttributeDataType.STRING, true, Optional.empty(), Optional.empty()));
        }
        AttributeSchema full = AttributeSchema.standardOnly().withCustom(fifty);
        assertThat(full.custom()).hasSize(50);
        assertThat(refusal(() -> full.withCustom(List.of(FLAVOUR)))).contains("at most 50 custom attributes");
        assertThat(schema.withCustom(List.of(AttributeDefinition.custom("b", AttributeDataType.NUMBER, true, Optional.empty(),
                Optional.empty()))).all()).last().extracting(AttributeDefinition::name).isEqualTo("custom:b");
    }

    @Test
    void aCustomNameFollowsCognitosRules() {
        assertThat(refusal(() -> AttributeDefinition.custom("a".repeat(21), AttributeDataType.STRING, true, Optional.empty(), Optional.empty())))
                .contains("Member must have length less than or equal to 20");
        assertThat(refusal(() -> AttributeDefinition.custom("", AttributeDataType.STRING, true, Optional.empty(), Optional.empty())))
                .contains("Member must have length greater than or equal to 1");
        assertThat(refusal(() -> AttributeDefinition.custom("two words", AttributeDataType.STRING, true, Optional.empty(), Optional.empty())))
                .contains("Member must satisfy regular expression pattern");
        assertThat(refusal(() -> AttributeDefinition.custom("long", AttributeDataType.STRING, true, Optional.empty(), Optional.of(4096L))))
                .contains("StringAttributeConstraints");
        assertThatThrownBy(() -> AttributeDataType.fromCognito("Boolean")).isInstanceOf(UserPoolException.class);
    }

    @Test
    void theClientReadsAndWritesWhatThePoolAllows() {
        AttributePolicy policy = new AttributePolicy(java.util.Set.of("name"), Optional.of(java.util.Set.of("name", "email")),
                Optional.of(java.util.Set.of("name")));
        assertThat(policy.clientMayRead("sub")).isTrue();
        assertThat(policy.clientMayRead("nickname")).isFalse();
        assertThat(policy.readableByClient(UserAttributes.of(Map.of("name", "Ada", "nickname", "Countess"))).values())
                .containsOnlyKeys("name");
        assertThat(catchThrowableOfType(UserPoolException.class, () -> policy.requireClientMayWrite(List.of("name", "nickname"))))
                .hasMessage("A client attempted to write unauthorized attribute");
        assertThat(AttributePolicy.cognitoDefault().clientMayWrite("email_verified")).isFalse();
        assertThat(AttributePolicy.cognitoDefault().clientMayWrite("custom:anything")).isTrue();
        assertThatThrownBy(() -> new AttributePolicy(java.util.Set.of("custom:x"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
