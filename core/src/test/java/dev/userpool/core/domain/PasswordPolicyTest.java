package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static final PasswordPolicy COGNITO = PasswordPolicy.cognitoDefault();
    private static final PasswordPolicy NOTHING_BUT_LENGTH = new PasswordPolicy(8, false, false, false, false);

    private static Password pw(String raw) {
        return Password.of(raw);
    }

    @Test
    void cognitoDefaultIsEightCharactersWithEveryKind() {
        assertThat(COGNITO).isEqualTo(new PasswordPolicy(8, true, true, true, true));
        assertThat(COGNITO.violations(pw("Abcdef1!"))).isEmpty();
    }

    @Test
    void abcBreaksLengthUpperDigitAndSymbol() {
        assertThat(COGNITO.violations(pw("abc"))).containsExactly(PasswordRule.TOO_SHORT,
                PasswordRule.NEEDS_UPPERCASE, PasswordRule.NEEDS_DIGIT, PasswordRule.NEEDS_SYMBOL);
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThat(COGNITO.violations(pw("1234"))).containsExactly(PasswordRule.TOO_SHORT,
                PasswordRule.NEEDS_LOWERCASE, PasswordRule.NEEDS_UPPERCASE, PasswordRule.NEEDS_SYMBOL);
        assertThat(COGNITO.violations(pw("ABCDEFGHIJ"))).containsExactly(PasswordRule.NEEDS_LOWERCASE,
                PasswordRule.NEEDS_DIGIT, PasswordRule.NEEDS_SYMBOL);
    }

    @Test
    void minimumLengthIsInclusive() {
        assertThat(COGNITO.violations(pw("Abcde1!"))).containsExactly(PasswordRule.TOO_SHORT);
        assertThat(COGNITO.violations(pw("Abcdef1!"))).isEmpty();
        PasswordPolicy twelve = new PasswordPolicy(12, true, true, true, true);
        assertThat(twelve.violations(pw("Abcdefghi1!"))).containsExactly(PasswordRule.TOO_SHORT);
        assertThat(twelve.violations(pw("Abcdefghij1!"))).isEmpty();
    }

    @Test
    void maximumIs256Characters() {
        String longest = "Aa1!" + "x".repeat(252);
        assertThat(longest).hasSize(256);
        assertThat(COGNITO.violations(pw(longest))).isEmpty();
        assertThat(COGNITO.violations(pw(longest + "x"))).containsExactly(PasswordRule.TOO_LONG);
        assertThat(NOTHING_BUT_LENGTH.violations(pw("y".repeat(257)))).containsExactly(PasswordRule.TOO_LONG);
    }

    @Test
    void lowercaseRuleCanBeTurnedOff() {
        Password noLower = pw("ABCDEFG1!");
        assertThat(COGNITO.violations(noLower)).containsExactly(PasswordRule.NEEDS_LOWERCASE);
        assertThat(new PasswordPolicy(8, false, true, true, true).violations(noLower)).isEmpty();
    }

    @Test
    void uppercaseRuleCanBeTurnedOff() {
        Password noUpper = pw("abcdefg1!");
        assertThat(COGNITO.violations(noUpper)).containsExactly(PasswordRule.NEEDS_UPPERCASE);
        assertThat(new PasswordPolicy(8, true, false, true, true).violations(noUpper)).isEmpty();
    }

    @Test
    void digitRuleCanBeTurnedOff() {
        Password noDigit = pw("Abcdefgh!");
        assertThat(COGNITO.violations(noDigit)).containsExactly(PasswordRule.NEEDS_DIGIT);
        assertThat(new PasswordPolicy(8, true, true, false, true).violations(noDigit)).isEmpty();
    }

    @Test
    void symbolRuleCanBeTurnedOff() {
        Password noSymbol = pw("Abcdefg1");
        assertThat(COGNITO.violations(noSymbol)).containsExactly(PasswordRule.NEEDS_SYMBOL);
        assertThat(new PasswordPolicy(8, true, true, true, false).violations(noSymbol)).isEmpty();
    }

    @Test
    void withEveryKindRuleOffOnlyLengthCounts() {
        assertThat(NOTHING_BUT_LENGTH.violations(pw("        "))).isEmpty();
        assertThat(NOTHING_BUT_LENGTH.violations(pw("short"))).containsExactly(PasswordRule.TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"^", "$", "*", ".", "[", "]", "{", "}", "(", ")", "?", "\"", "!", "@", "#", "%", "&",
            "/", "\\", ",", ">", "<", "'", ":", ";", "|", "_", "~", "`", "=", "+", "-"})
    void everyCognitoSymbolCounts(String symbol) {
        assertThat(COGNITO.violations(pw("Abcdefg1" + symbol))).isEmpty();
    }

    @Test
    void aSpaceOrALetterOutsideAsciiIsNotASymbol() {
        assertThat(COGNITO.violations(pw("Abcdefg1 "))).containsExactly(PasswordRule.NEEDS_SYMBOL);
        assertThat(COGNITO.violations(pw("Abcdefg1é"))).containsExactly(PasswordRule.NEEDS_SYMBOL);
    }

    @Test
    void checkPassesAConformingPassword() {
        COGNITO.check(pw("Correct-Horse-9"));
    }

    @Test
    void checkThrowsInvalidPasswordNamingEveryRule() {
        assertThatThrownBy(() -> COGNITO.check(pw("abc")))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PASSWORD);
                    assertThat(e.details()).containsExactly("Password not long enough",
                            "Password must have uppercase characters", "Password must have numeric characters",
                            "Password must have symbol characters");
                    assertThat(e.getMessage()).startsWith("Password does not conform to policy")
                            .contains(e.details());
                });
    }

    @Test
    void checkNeverEchoesThePassword() {
        assertThatThrownBy(() -> COGNITO.check(pw("zebrazebra")))
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.toString() + e.details()).doesNotContain("zebrazebra"));
    }

    @Test
    void minimumLengthStaysInCognitosRange() {
        for (int bad : new int[] {5, 100}) {
            assertThatThrownBy(() -> new PasswordPolicy(bad, true, true, true, true))
                    .isInstanceOfSatisfying(UserPoolException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        }
        assertThat(new PasswordPolicy(6, true, true, true, true).minLength()).isEqualTo(6);
        assertThat(new PasswordPolicy(99, true, true, true, true).minLength()).isEqualTo(99);
    }
}
