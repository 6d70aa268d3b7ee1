package dev.userpool.app.security;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the security tests share: fresh addresses, confirmed accounts, and the audit trail of one address. */
final class SecurityFixture {
    private SecurityFixture() {}

    static String address(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Registers and confirms by code through the REST API; returns the address. */
    static String confirmedUser(ApiClient api, String prefix) {
        String email = address(prefix);
        api.register(email);
        return email;
    }

    static List<AuditEvent> events(RunningApp app, String email) {
        List<AuditEvent> all = new ArrayList<>();
        PageRequest page = PageRequest.first(60);
        while (true) {
            var found = app.component().auditQueries().forEmail(email, page);
            all.addAll(found.items());
            if (found.nextCursor().isEmpty()) return all;
            page = new PageRequest(60, found.nextCursor());
        }
    }

    static long passwordsChecked(RunningApp app, String email) {
        return events(app, email).stream().filter(e -> e.passwordChecked().orElse(false)).count();
    }

    static Instant now() {
        return Instant.now();
    }
}
