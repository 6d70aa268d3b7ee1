package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeDeliveryTest {

    @Test
    void anEmailDeliveryNamesOnlyTheMaskedAddress() {
        CodeDelivery delivery = CodeDelivery.email(EmailAddress.parse("alice@example.com"));
        assertThat(delivery).isEqualTo(new CodeDelivery("a***@e***.com", "EMAIL", "email"));
        assertThat(delivery.toString()).doesNotContain("alice").doesNotContain("example");
    }
}
