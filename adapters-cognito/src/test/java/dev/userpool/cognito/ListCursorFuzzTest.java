package dev.userpool.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;

/** A listing cursor handed back by the caller: the position this query gave out, or {@code InvalidParameter}. */
class ListCursorFuzzTest {
    private static final String QUERY = "cognito:user_status = \"CONFIRMED\"";

    @FuzzTest
    void cursor(byte[] input) {
        String cursor = new String(input, StandardCharsets.UTF_8);
        try {
            ListCursor decoded = ListCursor.decode(cursor, QUERY);
            assertThat(decoded.skip()).isNotNegative();
            assertThat(ListCursor.decode(decoded.encode(), QUERY)).isEqualTo(decoded);
        } catch (UserPoolException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        }
    }
}
