package dev.userpool.app.wiring;

import dagger.BindsOptionalOf;
import dagger.Module;
import dev.userpool.core.port.in.PasskeyAuthentication;
import dev.userpool.core.port.in.Passkeys;

/**
 * Passkeys (issue 14) are served where a component binds them ({@link PasskeyModule}, in the app); a
 * component without them (a service's tests on fake edges) serves no passkey routes.
 */
@Module
interface PasskeyOptionals {
    @BindsOptionalOf
    Passkeys passkeys();

    @BindsOptionalOf
    PasskeyAuthentication passkeyAuthentication();
}
