package dev.userpool.app.http.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ListUsers' Filter grammar, and what each condition becomes. */
class ListUsersFilterTest {
    private static final User ALICE = new User(new UserId("0a1b"), new EmailAddress("alice@example.com"), UserStatus.CONFIRMED,
            true, true, Instant.EPOCH, UserAttributes.none());
    private static final User BOB = new User(new UserId("2c3d"), new EmailAddress("bob@example.com"), UserStatus.UNCONFIRMED,
            false, false, Instant.EPOCH, UserAttributes.none());

    @Test
    void noFilterMatchesEveryone() {
        ListUsersFilter f = ListUsersFilter.parse(Optional.empty());
        assertThat(f.filter().matches(ALICE) && f.filter().matches(BOB)).isTrue();
        assertThat(ListUsersFilter.parse(Optional.of("  ")).matchesNothing()).isFalse();
    }

    @Test
    void emailPrefixGoesToTheDirectoryAndEqualityIsCheckedOnTop() {
        ListUsersFilter prefix = ListUsersFilter.parse(Optional.of("email ^= \"ALI\""));
        assertThat(prefix.filter().emailPrefix()).contains("ali");
        ListUsersFilter exact = ListUsersFilter.parse(Optional.of("email=\"alice@example.com\""));
        assertThat(exact.filter().emailPrefix()).contains("alice@example.com");
        assertThat(exact.matches().test(ALICE)).isTrue();
        assertThat(exact.matches().test(new User(new UserId("x"), new EmailAddress("alice@example.com.au"), UserStatus.CONFIRMED,
                true, true, Instant.EPOCH, UserAttributes.none()))).isFalse();
    }

    @Test
    void statusesAndEnabledness() {
        assertThat(ListUsersFilter.parse(Optional.of("cognito:user_status = \"UNCONFIRMED\"")).filter().status())
                .contains(UserStatus.UNCONFIRMED);
        assertThat(ListUsersFilter.parse(Optional.of("cognito:user_status = \"FORCE_CHANGE_PASSWORD\"")).filter().status())
                .contains(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(ListUsersFilter.parse(Optional.of("cognito:user_status = \"RESET_REQUIRED\"")).filter().status())
                .contains(UserStatus.RESET_REQUIRED);
        assertThat(ListUsersFilter.parse(Optional.of("cognito:user_status = \"EXTERNAL_PROVIDER\"")).matchesNothing()).isTrue();
        ListUsersFilter any = ListUsersFilter.parse(Optional.of("cognito:user_status ^= \"\""));
        assertThat(any.filter().status()).isEmpty();
        assertThat(any.matches().test(new User(new UserId("x"), new EmailAddress("carol@example.com"),
                UserStatus.FORCE_CHANGE_PASSWORD, false, true, Instant.EPOCH, UserAttributes.none()))).isTrue();
        assertThat(ListUsersFilter.parse(Optional.of("cognito:user_status ^= \"CON\"")).filter().status()).contains(UserStatus.CONFIRMED);
        ListUsersFilter disabled = ListUsersFilter.parse(Optional.of("status = \"Disabled\""));
        assertThat(disabled.matches().test(BOB)).isTrue();
        assertThat(disabled.matches().test(ALICE)).isFalse();
    }

    @Test
    void subAndUsernameNameOneAccount() {
        assertThat(ListUsersFilter.parse(Optional.of("sub = \"0a1b\"")).sub()).contains("0a1b");
        assertThat(ListUsersFilter.parse(Optional.of("username = \"0a1b\"")).sub()).contains("0a1b");
        assertThat(ListUsersFilter.parse(Optional.of("email = \"a\\\"b@example.com\"")).filter().emailPrefix()).contains("a\"b@example.com");
    }

    @Test
    void aFilterUpToCognitosLimitIsReadAndALongerOneRefused() {
        String value = "x\\\"y".repeat(60);
        ListUsersFilter atLimit = ListUsersFilter.parse(Optional.of("email ^= \"" + value + "\"" + " ".repeat(256 - 12 - value.length())));
        assertThat(atLimit.filter().emailPrefix()).contains("x\"y".repeat(60));
        // before issue 18's fix: StackOverflowError in the regular expression, at a few thousand characters
        assertThatThrownBy(() -> ListUsersFilter.parse(Optional.of("email = \"" + "a".repeat(100_000) + "\"")))
                .isInstanceOfSatisfying(CognitoError.class, e -> {
                    assertThat(e.type()).isEqualTo("InvalidParameterException");
                    assertThat(e.getMessage()).contains("256");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"email = \"a", "email = \"a\\", "email ^ \"a\"", "^= \"a\"", "email = \"a\" \"b\"", "email=\"a\"x",
            "em ail = \"a\""})
    void unfinishedOrTrailingConditionsAreInvalid(String expression) {
        assertThatThrownBy(() -> ListUsersFilter.parse(Optional.of(expression)))
                .isInstanceOfSatisfying(CognitoError.class, e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"email = alice", "email == \"a\"", "shoe_size = \"9\"", "sub ^= \"0a\"", "email = \"a\" and x"})
    void anythingElseIsInvalid(String expression) {
        assertThatThrownBy(() -> ListUsersFilter.parse(Optional.of(expression)))
                .isInstanceOfSatisfying(CognitoError.class, e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
    }

    /** Issue 13: the attributes Cognito filters on become the directory's attribute condition, = and ^=. */
    @Test
    void attributeFiltersReachTheDirectory() {
        for (String name : java.util.List.of("phone_number", "name", "given_name", "family_name", "preferred_username")) {
            ListUsersFilter exact = ListUsersFilter.parse(Optional.of(name + " = \"Ada\""));
            assertThat(exact.matchesNothing()).isFalse();
            assertThat(exact.filter().attribute()).contains(new dev.userpool.core.domain.UserFilter.AttributeCondition(name, "Ada", false));
            assertThat(ListUsersFilter.parse(Optional.of(name + " ^= \"Ad\"")).filter().attribute())
                    .contains(new dev.userpool.core.domain.UserFilter.AttributeCondition(name, "Ad", true));
        }
    }
}
