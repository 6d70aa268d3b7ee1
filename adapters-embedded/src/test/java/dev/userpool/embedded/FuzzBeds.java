package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** One testbed per fuzzing JVM (made on first use, under target/), and the rule every fuzz test here checks. */
final class FuzzBeds {
    static final EmailAddress RIDER = new EmailAddress("rider@example.com");
    private static EmbeddedTestbed bed;

    private FuzzBeds() {}

    /** A testbed with one confirmed account, {@link #RIDER}, whose password is {@link EmbeddedTestbed#PASSWORD}. */
    static synchronized EmbeddedTestbed bed() {
        if (bed == null) {
            try {
                Files.createDirectories(Path.of("target"));
                bed = EmbeddedTestbed.open(Files.createTempDirectory(Path.of("target"), "fuzz-db-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bed.confirmedUser(RIDER);
        }
        return bed;
    }

    /** The value, or null when refused with one of {@code codes}; any other failure fails the fuzz test. */
    static <T> T orRefused(Supplier<T> call, ErrorCode... codes) {
        try {
            return call.get();
        } catch (UserPoolException e) {
            assertThat(e.code()).as(e.getMessage()).isIn((Object[]) codes);
            return null;
        }
    }
}
