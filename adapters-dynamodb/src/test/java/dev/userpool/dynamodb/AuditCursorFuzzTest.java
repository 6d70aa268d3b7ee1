package dev.userpool.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;

/** A cursor handed back by the caller: the bound of a page this listing gave out, or {@code InvalidParameter}. */
class AuditCursorFuzzTest {
    @FuzzTest
    void cursor(byte[] input) {
        String cursor = new String(input, StandardCharsets.UTF_8);
        for (AuditCursor.Listing listing : AuditCursor.Listing.values()) {
            try {
                String bound = AuditCursor.decode(listing, cursor);
                assertThat(AuditCursor.decode(listing, AuditCursor.encode(listing, bound))).isEqualTo(bound);
            } catch (UserPoolException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            }
        }
    }
}
