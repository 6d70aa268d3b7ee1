package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordTest {
    private static final String SECRET = "Hunter2-Very$ecret";

    @Test
    void neverPrintsTheSecret() {
        Password password = Password.of(SECRET);
        assertThat(password.toString()).doesNotContain(SECRET).doesNotContain("Hunter").contains("***");
        assertThat(String.valueOf(password)).isEqualTo(password.toString());
    }

    @Test
    void revealsTheSecretToThoseWhoMustProveIt() {
        assertThat(Password.of(SECRET).reveal()).isEqualTo(SECRET);
    }

    @Test
    void aMissingPasswordIsInvalidParameter() {
        for (String missing : new String[] {null, ""}) {
            assertThatThrownBy(() -> Password.of(missing))
                    .isInstanceOfSatisfying(UserPoolException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                        assertThat(e.getMessage()).isEqualTo("password: is required");
                    });
        }
    }

    @Test
    void keepsSpacesAsTyped() {
        assertThat(Password.of("  spaced  ").reveal()).isEqualTo("  spaced  ");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(Password.of("a\uD83D\uDE00b").length()).isEqualTo(3);
    }

    @Test
    void equalsComparesTheSecret() {
        assertThat(Password.of(SECRET)).isEqualTo(Password.of(SECRET)).isNotEqualTo(Password.of(SECRET + "x"));
        assertThat(Password.of(SECRET).hashCode()).isEqualTo(Password.of(SECRET).hashCode());
    }
}
