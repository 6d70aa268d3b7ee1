package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void isTrimmedAndLowerCased() {
        assertThat(new EmailAddress("  Alice.Smith@Example.COM \t").value()).isEqualTo("alice.smith@example.com");
    }

    @Test
    void addressesThatDifferOnlyInCaseAreEqual() {
        assertThat(EmailAddress.parse("BOB@example.com")).isEqualTo(EmailAddress.parse("bob@EXAMPLE.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "a@b.co", "first.last+tag@mail.example.co.uk",
            "o'brien@example.org", "x_y-z@sub-domain.example.io"})
    void acceptsNormalAddresses(String raw) {
        assertThat(EmailAddress.parse(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "alice", "alice.example.com", "alice@@example.com", "al@ice@example.com",
            "@example.com", "alice@example", "alice@example.", "alice@.com", "alice@.example.com",
            "alice@example..com", "al ice@example.com", "alice@exa mple.com", "alice\t@example.com",
            "ali\u0000ce@example.com", "alice@exam\u0007ple.com", "ali\u00a0ce@example.com", "alice\n@example.com"})
    void rejectsWhatIsNotAnAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @Test
    void absentInputIsAClearInvalidParameter() {
        assertThatThrownBy(() -> EmailAddress.parse(null))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).isEqualTo("email: is required");
                });
    }

    @Test
    void acceptsTheLongestAddressAndRejectsOneMore() {
        String local = "l".repeat(64);
        String domain = "d".repeat(185) + ".com";            // 64 + 1 + 189 = 254
        String longest = local + "@" + domain;
        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.parse(longest).value()).isEqualTo(longest);

        assertThatThrownBy(() -> EmailAddress.parse(local + "@d" + domain))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains("254");
                });
    }

    @Test
    void rejectsALocalPartLongerThan64() {
        assertThat(EmailAddress.parse("l".repeat(64) + "@example.com")).isNotNull();
        assertThatThrownBy(() -> EmailAddress.parse("l".repeat(65) + "@example.com"))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains("64");
                });
    }

    @Test
    void lengthIsJudgedAfterTrimming() {
        String longest = "l".repeat(64) + "@" + "d".repeat(185) + ".com";
        assertThat(EmailAddress.parse("   " + longest + "   ").value()).isEqualTo(longest);
    }

    @Test
    void masksLikeCognito() {
        assertThat(EmailAddress.parse("alice@example.com").masked()).isEqualTo("a***@e***.com");
        assertThat(EmailAddress.parse("Bob.Builder@Mail.Example.org").masked()).isEqualTo("b***@m***.org");
    }

    @Test
    void theMaskHidesTheAddress() {
        String masked = EmailAddress.parse("alice@example.com").masked();
        assertThat(masked).doesNotContain("alice").doesNotContain("example");
    }

    @Test
    void printsAsItsValue() {
        assertThat(EmailAddress.parse("Alice@Example.com")).hasToString("alice@example.com");
    }
}
