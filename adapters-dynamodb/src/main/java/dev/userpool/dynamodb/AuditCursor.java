package dev.userpool.dynamodb;

import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a listing: the exclusive upper bound of the next page, as a sort key
 * ({@code <instant>#<eventId>}: the last event shown) or, for a time range that stopped at a day
 * boundary, a bare instant. Newer events recorded between pages never shift the next page.
 */
final class AuditCursor {
    /** Which listing gave the cursor out: one is not accepted by the other. */
    enum Listing {
        SUBJECT("s"), RANGE("r");

        private final String tag;

        Listing(String tag) {
            this.tag = tag;
        }
    }

    private static final String VERSION = "1";

    private AuditCursor() {}

    static String encode(Listing listing, String upperBound) {
        String plain = VERSION + listing.tag + ":" + upperBound;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The bound inside a cursor this listing gave out; {@code InvalidParameter} for anything else. */
    static String decode(Listing listing, String cursor) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String prefix = VERSION + listing.tag + ":";
        if (!plain.startsWith(prefix)) throw invalid();
        String bound = plain.substring(prefix.length());
        boolean valid = AuditKeys.isSortKey(bound) || (listing == Listing.RANGE && AuditKeys.isInstant(bound));
        if (!valid) throw invalid();
        return bound;
    }

    private static UserPoolException invalid() {
        return UserPoolException.invalidParameter("cursor", "is not one this query gave out");
    }
}
