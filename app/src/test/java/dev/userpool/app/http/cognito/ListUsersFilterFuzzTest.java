package dev.userpool.app.http.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * ListUsers' {@code Filter}: any text is a filter or {@code InvalidParameterException}, never another
 * failure (issue 18: a long quoted value overflowed the stack in the old regular expression).
 */
class ListUsersFilterFuzzTest {
    @FuzzTest
    void filter(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ListUsersFilter f = ListUsersFilter.parse(Optional.of(text));
            assertThat(text.length()).isLessThanOrEqualTo(ListUsersFilter.MAX_LENGTH);
            assertThat(f.filter()).isNotNull();
        } catch (CognitoError e) {
            assertThat(e.type()).isEqualTo("InvalidParameterException");
            assertThat(e.status()).isEqualTo(400);
        }
    }
}
