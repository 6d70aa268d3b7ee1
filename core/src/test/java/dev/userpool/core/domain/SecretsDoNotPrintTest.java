package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values that carry a secret print without it. */
class SecretsDoNotPrintTest {

    @Test
    void tokensHideAllThree() {
        Tokens tokens = new Tokens("id-SECRET-1", "access-SECRET-2", Optional.of("refresh-SECRET-3"),
                Duration.ofHours(1));
        assertThat(tokens.toString()).doesNotContain("SECRET").contains("expiresIn=PT1H");
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
    }

    @Test
    void tokensSayWhenThereIsNoRefreshToken() {
        Tokens refreshed = new Tokens("id-SECRET-1", "access-SECRET-2", Optional.empty(), Duration.ofHours(1));
        assertThat(refreshed.toString()).contains("refreshToken=none").doesNotContain("SECRET");
    }

    @Test
    void aConfirmationCodeHidesItsDigits() {
        ConfirmationCode code = ConfirmationCode.parse(" 493817 ");
        assertThat(code.toString()).doesNotContain("493817");
        assertThat(code.reveal()).isEqualTo("493817");
        assertThat(code).isEqualTo(ConfirmationCode.parse("493817"));
    }

    @Test
    void aConfirmationCodeIsValidatedWithoutEchoingIt() {
        for (String bad : new String[] {null, "", "  ", "12 34", "12-34", "x".repeat(33)}) {
            assertThatThrownBy(() -> ConfirmationCode.parse(bad))
                    .isInstanceOfSatisfying(UserPoolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                        if (bad != null && !bad.isBlank()) assertThat(e.getMessage()).doesNotContain(bad.strip());
                    });
        }
    }

    @Test
    void anEmailMessageShowsRecipientKindAndSubjectOnly() {
        EmailMessage message = new EmailMessage(EmailAddress.parse("alice@example.com"),
                EmailMessage.Kind.CONFIRMATION_CODE, "Your code", "Your code is 735190", "<p>735190</p>",
                Optional.of("735190"));
        assertThat(message.toString())
                .isEqualTo("EmailMessage[to=a***@e***.com, kind=CONFIRMATION_CODE, subject=Your code]");
    }
}
