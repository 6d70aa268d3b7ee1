package dev.userpool.embedded;

import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque cursor of a listing: the sort key of the last item shown, base64url-encoded so callers
 * treat it as a token rather than something to edit. Fields are separated by a character that
 * cannot occur in them (a NUL).
 */
final class PageCursor {
    private static final String SEPARATOR = "\u0000";

    private PageCursor() {}

    static String encode(String... fields) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, fields).getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of a cursor this class wrote; {@code InvalidParameter} for anything else. */
    static List<String> decode(String cursor, int fieldCount) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> fields = List.of(text.split(SEPARATOR, -1));
            if (fields.size() != fieldCount) throw invalid();
            return fields;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static UserPoolException invalid() {
        return UserPoolException.invalidParameter("cursor", "is not a cursor of this listing");
    }
}
