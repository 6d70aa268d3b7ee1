package dev.userpool.core.service;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.EmailMessage.Kind;
import dev.userpool.core.domain.Password;
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

    /**
     * The invitation of an account an administrator created: the temporary password (also as the message's
     * code, so the development mailbox shows it), until when it works, and the sign-in page.
     */
    EmailMessage invitation(EmailAddress to, Password temporaryPassword, java.time.Instant expiresAt, java.net.URI signInPage) {
        String what = "An account was created for you: " + to.value() + ". Sign in at " + signInPage
                + " with this temporary password, and choose your own password: " + temporaryPassword.reveal();
        String until = "The temporary password works until " + WHEN.format(expiresAt)
                + "; after that, ask your administrator for a new invitation.";
        String text = what + "\n\n" + until + "\n";
        String html = "<p>An account was created for you: " + escape(to.value()) + ".</p><p>Sign in at <a href=\""
                + escape(signInPage.toString()) + "\">" + escape(signInPage.toString())
                + "</a> with this temporary password, and choose your own password:</p><p><code>"
                + escape(temporaryPassword.reveal()) + "</code></p><p>" + escape(until) + "</p>";
        return new EmailMessage(to, Kind.INVITATION, "Your temporary password", text, html,
                java.util.Optional.of(temporaryPassword.reveal()));
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
