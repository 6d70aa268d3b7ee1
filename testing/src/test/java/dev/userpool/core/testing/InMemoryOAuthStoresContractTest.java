package dev.userpool.core.testing;

import dev.userpool.core.contract.AuthorizationCodesContract;
import dev.userpool.core.contract.BrowserSessionsContract;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.AuthorizationCodes;
import dev.userpool.core.port.out.BrowserSessions;
import org.junit.jupiter.api.Nested;

/** The contracts of the OAuth stores (issue 15) on the in-memory fakes. */
class InMemoryOAuthStoresContractTest {
    @Nested
    class Codes extends AuthorizationCodesContract {
        private final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes();

        @Override
        protected AuthorizationCodes codes() {
            return codes;
        }

        @Override
        protected UserId existingUser() {
            return new UserId("user-1");
        }
    }

    @Nested
    class Sessions extends BrowserSessionsContract {
        private final InMemoryBrowserSessions sessions = new InMemoryBrowserSessions();

        @Override
        protected BrowserSessions sessions() {
            return sessions;
        }

        @Override
        protected UserId existingUser() {
            return new UserId("user-1");
        }
    }
}
