package dev.userpool.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions about the core's errors, shared by the contracts. */
public final class UserPoolAssertions {
    private UserPoolAssertions() {}

    /** Asserts that {@code call} fails with {@code code}, and returns the failure for further checks. */
    public static UserPoolException assertRefused(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a %s failure", code.code()).isInstanceOf(UserPoolException.class);
        UserPoolException e = (UserPoolException) thrown;
        assertThat(e.code()).as("the error code of %s", e).isEqualTo(code);
        return e;
    }
}
