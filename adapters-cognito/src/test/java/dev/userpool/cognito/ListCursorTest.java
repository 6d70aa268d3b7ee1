package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListCursorTest {

    @Test
    void aCursorComesBackAsItWasWritten() {
        ListCursor cursor = new ListCursor("email ^= \"a\"", Optional.of("token/with+odd=chars"), 7);

        assertThat(ListCursor.decode(cursor.encode(), "email ^= \"a\"")).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("token");
    }

    @Test
    void aCursorOfAnotherListingOrNoCursorAtAllIsInvalidParameter() {
        String cursor = new ListCursor("email ^= \"a\"", Optional.empty(), 1).encode();

        var e = assertRefused(() -> ListCursor.decode(cursor, "email ^= \"b\""), ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).contains("other filters");
        assertRefused(() -> ListCursor.decode("not a cursor!", ""), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> ListCursor.decode("YWJj", ""), ErrorCode.INVALID_PARAMETER);
        String negative = java.util.Base64.getUrlEncoder().encodeToString("c1\u0000\u0000\u0000-1".getBytes());
        assertRefused(() -> ListCursor.decode(negative, ""), ErrorCode.INVALID_PARAMETER);
    }
}
