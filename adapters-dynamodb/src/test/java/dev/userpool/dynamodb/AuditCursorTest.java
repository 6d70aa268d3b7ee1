package dev.userpool.dynamodb;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditCursorTest {
    private final String key = AuditKeys.sortKey(Instant.parse("2030-01-01T00:00:00Z"), UUID.randomUUID());

    @Test
    void aCursorCarriesItsBoundAndLooksOpaque() {
        String cursor = AuditCursor.encode(AuditCursor.Listing.SUBJECT, key);
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("2030");
        assertThat(AuditCursor.decode(AuditCursor.Listing.SUBJECT, cursor)).isEqualTo(key);
    }

    @Test
    void aTimeRangeCursorMayStopAtADayBoundary() {
        String day = AuditKeys.instant(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(AuditCursor.decode(AuditCursor.Listing.RANGE, AuditCursor.encode(AuditCursor.Listing.RANGE, day)))
                .isEqualTo(day);
        assertRefused(() -> AuditCursor.decode(AuditCursor.Listing.SUBJECT, AuditCursor.encode(AuditCursor.Listing.SUBJECT, day)),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void aCursorOfTheOtherListingOrOfNothingIsInvalidParameter() {
        assertRefused(() -> AuditCursor.decode(AuditCursor.Listing.RANGE, AuditCursor.encode(AuditCursor.Listing.SUBJECT, key)),
                ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> AuditCursor.decode(AuditCursor.Listing.SUBJECT, "%%% not a cursor"), ErrorCode.INVALID_PARAMETER);
        String forged = Base64.getUrlEncoder().encodeToString("1s:anything' OR 1=1".getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> AuditCursor.decode(AuditCursor.Listing.SUBJECT, forged), ErrorCode.INVALID_PARAMETER);
    }
}
