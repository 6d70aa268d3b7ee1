package dev.userpool.embedded;

import static dev.userpool.embedded.FuzzBeds.orRefused;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.UserFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A listing's cursor comes back from the caller: any text is a page of the user list or of the audit
 * trail (by subject, by time range), or {@code InvalidParameter}; never another failure.
 */
class PageCursorFuzzTest {
    @FuzzTest
    void cursor(byte[] input) {
        EmbeddedTestbed bed = FuzzBeds.bed();
        Optional<String> cursor = Optional.of(new String(input, StandardCharsets.UTF_8));
        PageRequest page = new PageRequest(2, cursor);
        orRefused(() -> bed.directory.list(UserFilter.all(), page), ErrorCode.INVALID_PARAMETER);
        orRefused(() -> bed.auditLog.bySubject(FuzzBeds.RIDER.value(), page), ErrorCode.INVALID_PARAMETER);
        orRefused(() -> bed.auditLog.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), page), ErrorCode.INVALID_PARAMETER);
    }
}
