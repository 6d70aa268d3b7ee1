package dev.userpool.ses;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SES custom verification email template as the app ships it: its name in the SES account, the
 * verified address it is sent from, the subject and HTML content (from files in the app), and where
 * SES sends the person after they open the link. Checked against SES's limits when built, so content
 * SES would refuse stops start-up with a message naming the problem.
 */
public record VerificationEmailTemplate(String name, EmailAddress from, String subject, String htmlContent,
                                        URI successRedirect, URI failureRedirect) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_SUBJECT = 998;   // one header line (RFC 5322)

    public VerificationEmailTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(htmlContent, "htmlContent");
        Objects.requireNonNull(successRedirect, "successRedirect");
        Objects.requireNonNull(failureRedirect, "failureRedirect");
        if (!NAME.matcher(name).matches()) {
            throw refused("name '" + name + "' must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (subject.isBlank()) throw refused("subject is empty");
        if (subject.contains("\n") || subject.contains("\r")) throw refused("subject must be one line");
        if (subject.length() > MAX_SUBJECT) throw refused("subject is longer than " + MAX_SUBJECT + " characters");
        if (htmlContent.isBlank()) throw refused("content is empty");
        String problem = TemplateContentRules.problemWith(htmlContent).orElse(null);
        if (problem != null) throw refused("content " + problem);
        checkRedirect("success redirect URL", successRedirect);
        checkRedirect("failure redirect URL", failureRedirect);
    }

    private static void checkRedirect(String what, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw refused(what + " '" + url + "' must be an absolute http(s) URL");
        }
    }

    private static UserPoolException refused(String problem) {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER, "SES verification template: " + problem + ".");
    }

    /** Without the content, which is long. */
    @Override
    public String toString() {
        return "VerificationEmailTemplate[name=" + name + ", from=" + from + ", subject=" + subject + ", content="
                + htmlContent.length() + " chars, success=" + successRedirect + ", failure=" + failureRedirect + "]";
    }
}
