package dev.userpool.app.migration;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.in.Administration;
import java.io.Writer;
import java.util.Optional;

/**
 * Writes a pool's accounts as Cognito's import CSV ({@link CognitoUserCsv}). Two kinds of account are
 * left out, because the CSV cannot say what they are and Cognito would make them something else:
 * unconfirmed ones (they never finished sign-up, and an imported account is a confirmed one; they sign
 * up again) and disabled ones (they would arrive enabled; an operator who wants them moved enables
 * them first and disables them again in Cognito).
 */
public final class UserExport {
    private UserExport() {}

    /** How many accounts were written, and how many left out for each reason. */
    public record Summary(int exported, int unconfirmed, int disabled) {}

    /**
     * Whether the CSV carries {@code user}: an invited account ({@code FORCE_CHANGE_PASSWORD}) or one reset
     * by an operator ({@code RESET_REQUIRED}) has left sign-up and moves, and like every imported account
     * sets its password by a reset; an unconfirmed or disabled one does not.
     */
    public static boolean moves(User user) {
        return user.status() != UserStatus.UNCONFIRMED && user.enabled();
    }

    /** The accounts of a pool with the standard attributes only. */
    public static Summary write(Administration administration, Writer out) {
        return write(administration, java.util.List.of(), out);
    }

    /** The accounts, with a column for each of the pool's {@code customAttributes} ({@code custom:…}). */
    public static Summary write(Administration administration, java.util.List<String> customAttributes, Writer out) {
        java.util.List<String> header = CognitoUserCsv.header(customAttributes);
        CognitoUserCsv.writeHeader(out, header);
        int exported = 0;
        int unconfirmed = 0;
        int disabled = 0;
        UserFilter all = new UserFilter(Optional.empty(), Optional.empty(), Optional.empty());
        Optional<String> cursor = Optional.empty();
        do {
            Page<User> page = administration.listUsers(all, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (User u : page.items()) {
                if (moves(u)) {
                    CognitoUserCsv.write(out, header, u.email(), u.emailVerified(), u.attributes());
                    exported++;
                } else if (u.status() == UserStatus.UNCONFIRMED) {
                    unconfirmed++;
                } else {
                    disabled++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new Summary(exported, unconfirmed, disabled);
    }
}
