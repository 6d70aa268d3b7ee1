package dev.userpool.cognito;

import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the next page of a listing starts, handed out as the core's opaque cursor: Cognito's
 * {@code PaginationToken} of the Cognito page to read (none for the first) and how many users of that
 * page were already shown. It also names the Cognito filter it belongs to, because a token is only
 * good for the query that produced it.
 */
record ListCursor(String query, Optional<String> paginationToken, int skip) {
    private static final String VERSION = "c1";
    private static final String SEPARATOR = "\u0000";

    ListCursor {
        if (skip < 0) throw new IllegalArgumentException("skip must not be negative");
        paginationToken = paginationToken.filter(t -> !t.isEmpty());
    }

    static ListCursor first(String query) {
        return new ListCursor(query, Optional.empty(), 0);
    }

    String encode() {
        String text = String.join(SEPARATOR, VERSION, query, paginationToken.orElse(""), Integer.toString(skip));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor this class wrote for the same query; {@code InvalidParameter} for anything else. */
    static ListCursor decode(String cursor, String query) {
        try {
            String[] fields = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (fields.length != 4 || !VERSION.equals(fields[0])) throw invalid("is not a cursor of this listing");
            if (!fields[1].equals(query)) throw invalid("belongs to a listing with other filters");
            return new ListCursor(query, Optional.of(fields[2]), Integer.parseInt(fields[3]));
        } catch (IllegalArgumentException e) {   // bad base64, a bad number, a negative skip
            throw invalid("is not a cursor of this listing");
        }
    }

    private static UserPoolException invalid(String problem) {
        return UserPoolException.invalidParameter("cursor", problem);
    }
}
