package dev.userpool.core.service;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.EmailMessage.Kind;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The security notices the core sends: what happened, when, and what to do if it was not you. */
final class Notifications {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String NOT_YOU = "If this was not you, reset your password now and tell us:"
            + " someone else may know your password.";

    private final Clock clock;

    Notifications(Clock clock) {
        this.clock = clock;
    }

    EmailMessage passwordChanged(EmailAddress to) {
        return compose(to, Kind.PASSWORD_CHANGED, "Your password was changed",
                "The password of your account " + to.value() + " was changed on " + now() + ".", NOT_YOU);
    }

    EmailMessage passwordReset(EmailAddress to) {
        return compose(to, Kind.PASSWORD_RESET, "Your password was reset",
                "The password of your account " + to.value() + " was reset with a code sent to this address on "
                        + now() + ".", NOT_YOU);
    }

    EmailMessage accountDeleted(EmailAddress to) {
        return compose(to, Kind.ACCOUNT_DELETED, "Your account was deleted",
                "The account " + to.value() + " was deleted on " + now() + ".",
                "If you did not ask for this, contact us: your account may have been taken over.");
    }

    /** To the address the account had: it is no longer the account's, and says to which it moved (masked). */
    EmailMessage emailChanged(EmailAddress oldAddress, EmailAddress newAddress) {
        return compose(oldAddress, Kind.EMAIL_CHANGED, "Your email address was changed",
                "The account " + oldAddress.value() + " now uses the address " + newAddress.masked()
                        + " (proven with a code sent there) since " + now() + "; this address no longer signs in.",
                "If this was not you, reset your password with the new address if you can, and tell us:"
                        + " someone else may have taken over your account.");
    }

    private String now() {
        return WHEN.format(clock.instant());
    }

    private static EmailMessage compose(EmailAddress to, Kind kind, String subject, String what, String advice) {
        String text = what + "\n\n" + advice + "\n";
        String html = "<p>" + escape(what) + "</p><p>" + escape(advice) + "</p>";
        return new EmailMessage(to, kind, subject, text, html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
