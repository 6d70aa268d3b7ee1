package dev.userpool.app.http;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.Administration.AdminAccess;
import dev.userpool.core.port.in.Administration.Administrator;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/** What every admin route does first: prove the caller an administrator, and read the page it asks for. */
final class AdminRequests {
    static final int DEFAULT_LIMIT = 25;

    private AdminRequests() {}

    /**
     * Runs {@code work} for a proven administrator: one token check and one account look-up. A token
     * that proves nobody is refused by the core (401); a known caller who is not an administrator is 403.
     */
    static <T> T asAdmin(Administration administration, Context ctx, Function<Administrator, T> work) {
        AdminAccess access = administration.access(Bearer.token(ctx));
        if (access instanceof AdminAccess.Denied denied) throw new HttpProblem(403, ErrorCode.NOT_AUTHORIZED, denied.reason());
        return work.apply(((AdminAccess.Granted) access).administrator());
    }

    /** {@code ?limit=&cursor=}: a limit that is no whole number is refused rather than guessed at. */
    static PageRequest page(Context ctx) {
        String raw = ctx.queryParam("limit");
        int limit = DEFAULT_LIMIT;
        if (raw != null && !raw.isBlank()) {
            try {
                limit = Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                throw UserPoolException.invalidParameter("limit", "must be a whole number");
            }
        }
        return new PageRequest(limit, Optional.ofNullable(ctx.queryParam("cursor")).filter(s -> !s.isBlank()));
    }
}
