package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The values that check text from outside at the edge (email address, confirmation code, password and
 * its policy, user id): any text becomes the value or an {@code InvalidParameter} / {@code InvalidPassword},
 * never another exception, and a value made once is stable when made again from its own text.
 */
class DomainValuesFuzzTest {
    private static final PasswordPolicy POLICY = PasswordPolicy.cognitoDefault();
    private static final String MASKED = Password.of("x").toString();

    @FuzzTest
    void textBecomesAValueOrARefusal(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        EmailAddress email = orRefused(() -> EmailAddress.parse(text), ErrorCode.INVALID_PARAMETER);
        if (email != null) {
            assertThat(new EmailAddress(email.value())).isEqualTo(email);
            assertThat(email.value().length()).isLessThanOrEqualTo(EmailAddress.MAX_LENGTH);
            assertThat(email.masked()).contains("***@").doesNotContain(email.value());
        }
        ConfirmationCode code = orRefused(() -> ConfirmationCode.parse(text), ErrorCode.INVALID_PARAMETER);
        if (code != null) {
            assertThat(code.reveal()).hasSizeBetween(1, 32).isEqualTo(code.reveal().strip());
            assertThat(code.reveal().chars()).allMatch(Character::isLetterOrDigit);
        }

        Password password = orRefused(() -> Password.of(text), ErrorCode.INVALID_PARAMETER);
        if (password != null) {
            assertThat(password.toString()).as("never printed").isEqualTo(MASKED);
            orRefused(() -> {
                POLICY.check(password);
                return password;
            }, ErrorCode.INVALID_PASSWORD, ErrorCode.INVALID_PARAMETER);
        }
        orRefused(() -> new UserId(text), ErrorCode.INVALID_PARAMETER);
    }

    /** The value, or null when it was refused with one of {@code codes}; anything else fails the test. */
    private static <T> T orRefused(Supplier<T> make, ErrorCode... codes) {
        try {
            return make.get();
        } catch (UserPoolException e) {
            assertThat(e.code()).isIn((Object[]) codes);
            return null;
        }
    }
}
