package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.EmailMessage.Kind;
import java.util.Optional;

/**
 * The messages the embedded adapters compose themselves (Cognito composes its own): confirmation
 * and reset codes, and the verification link. The code or link also goes in {@code oneTimeCode}, so a
 * development outbox may show it.
 */
final class EmailTemplates {
    private EmailTemplates() {}

    static EmailMessage confirmationCode(EmailAddress to, String code) {
        return withCode(to, Kind.CONFIRMATION_CODE, "Your verification code",
                "Your verification code is " + code + ". It is valid for 24 hours.",
                "If you did not sign up with this address, ignore this email.", code);
    }

    /** The code that proves an address: one the account asked to move to, or its own. */
    static EmailMessage emailChangeCode(EmailAddress to, String code) {
        return withCode(to, Kind.EMAIL_CHANGE_CODE, "Your verification code",
                "Your code to verify this email address for your account is " + code + ". It is valid for 24 hours.",
                "If you did not ask to use this address, ignore this email: nothing changes without the code.", code);
    }

    static EmailMessage passwordResetCode(EmailAddress to, String code) {
        return withCode(to, Kind.PASSWORD_RESET_CODE, "Your password reset code",
                "Your password reset code is " + code + ". It is valid for 1 hour.",
                "If you did not ask to reset your password, ignore this email: your password stays as it is.", code);
    }

    static EmailMessage verificationLink(EmailAddress to, String link) {
        String intro = "Open this link to verify your email address. It is valid for 24 hours and works once.";
        String advice = "If you did not sign up with this address, ignore this email.";
        String text = intro + "\n\n" + link + "\n\n" + advice + "\n";
        String html = "<p>" + escape(intro) + "</p><p><a href=\"" + escape(link) + "\">Verify my email address</a></p>"
                + "<p>" + escape(advice) + "</p>";
        return new EmailMessage(to, Kind.VERIFICATION_LINK, "Verify your email address", text, html,
                Optional.of(link));
    }

    private static EmailMessage withCode(EmailAddress to, Kind kind, String subject, String what, String advice,
                                         String code) {
        String text = what + "\n\n" + advice + "\n";
        String html = "<p>" + escape(what) + "</p><p>" + escape(advice) + "</p>";
        return new EmailMessage(to, kind, subject, text, html, Optional.of(code));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
