package dev.userpool.app.wiring;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Makes every call to a port fail with a chosen error code, as a backing service in trouble would. */
final class FailureSwitch {
    private final AtomicReference<Optional<ErrorCode>> failure = new AtomicReference<>(Optional.empty());

    private final AtomicReference<Optional<Error>> error = new AtomicReference<>(Optional.empty());

    void failWith(ErrorCode code) {
        failure.set(Optional.of(code));
    }

    /** Every call throws {@code e}, as a bug deep inside an adapter would (a StackOverflowError, say). */
    void failWith(Error e) {
        error.set(Optional.of(e));
    }

    void recover() {
        failure.set(Optional.empty());
        error.set(Optional.empty());
    }

    /** A view of {@code port} that consults the switch before every call. */
    <T> T guard(Class<T> portType, T port) {
        Object proxy = Proxy.newProxyInstance(portType.getClassLoader(), new Class<?>[] {portType}, (self, method, args) -> {
            if (error.get().isPresent() && method.getDeclaringClass() == portType) throw error.get().get();
            Optional<ErrorCode> code = failure.get();
            if (code.isPresent() && method.getDeclaringClass() == portType) {
                throw new UserPoolException(code.get(), "The backing service answered " + code.get().code() + ".");
            }
            try {
                return method.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return portType.cast(proxy);
    }
}
