package dev.userpool.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;

class CognitoUsersTest {
    private static final EmailAddress ALICE = new EmailAddress("alice@example.com");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"UNCONFIRMED,UNCONFIRMED", "CONFIRMED,CONFIRMED", "RESET_REQUIRED,RESET_REQUIRED",
            "FORCE_CHANGE_PASSWORD,FORCE_CHANGE_PASSWORD", "EXTERNAL_PROVIDER,CONFIRMED", "ARCHIVED,CONFIRMED", "UNKNOWN,CONFIRMED"})
    void theFourPasswordStatusesAreKeptAndTheRestHaveLeftSignUp(String cognito, UserStatus core) {
        assertThat(CognitoUsers.status(cognito)).isEqualTo(core);
    }

    @Test
    void aMaskedDestinationIsKeptAsCognitoSentIt() {
        CodeDeliveryDetailsType details = CodeDeliveryDetailsType.builder()
                .destination("a***@e***.com").deliveryMedium("EMAIL").attributeName("email").build();

        assertThat(CognitoUsers.delivery(details, ALICE)).isEqualTo(new CodeDelivery("a***@e***.com", "EMAIL", "email"));
    }

    @Test
    void anAddressInTheClearIsMaskedBeforeAnyoneSeesIt() {
        CodeDeliveryDetailsType clear = CodeDeliveryDetailsType.builder()
                .destination("Alice@Example.com").deliveryMedium("EMAIL").attributeName("email").build();
        CodeDeliveryDetailsType other = CodeDeliveryDetailsType.builder()
                .destination("bob@example.org").deliveryMedium("EMAIL").attributeName("email").build();

        assertThat(CognitoUsers.delivery(clear, ALICE)).isEqualTo(CodeDelivery.email(ALICE));
        assertThat(CognitoUsers.delivery(other, ALICE).destination()).isEqualTo("b***").doesNotContain("bob@");
    }

    /** Issue 13: Cognito's attributes reach the core's UserAttributes; the account's own fields and what the core does not keep do not. */
    @Test
    void cognitosAttributesBecomeTheAccountsAttributes() {
        var user = CognitoUsers.from(software.amazon.awssdk.services.cognitoidentityprovider.model.UserType.builder()
                .username("0a1b").enabled(true).userStatus("CONFIRMED").attributes(
                        attribute("sub", "0a1b"), attribute("email", "alice@example.com"), attribute("email_verified", "true"),
                        attribute("name", "Alice"), attribute("custom:team", "blue"), attribute("phone_number_verified", "false"),
                        attribute("identities", "[]"), attribute("dev:secret", "x"))
                .build());
        assertThat(user.attributes().values()).containsOnlyKeys("name", "custom:team");
        assertThat(user.attributes().get("custom:team")).hasValue("blue");
        assertThat(user.email()).isEqualTo(ALICE);
    }

    @Test
    void anAttributeConditionGoesToCognitosFilter() {
        assertThat(CognitoUserListing.cognitoFilter(dev.userpool.core.domain.UserFilter.attribute("family_name", "O\"Hara", true)))
                .hasValue("family_name ^= \"O\\\"Hara\"");
        assertThat(CognitoUserListing.cognitoFilter(dev.userpool.core.domain.UserFilter.attribute("name", "Alice", false)))
                .hasValue("name = \"Alice\"");
    }

    private static software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType attribute(String name, String value) {
        return software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType.builder().name(name).value(value).build();
    }
}
