package dev.userpool.ses;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content SES would refuse is refused before SES is asked, with a message that names what is wrong. */
class VerificationEmailTemplateTest {

    private static VerificationEmailTemplate withContent(String html) {
        return new VerificationEmailTemplate(StubbedSes.TEMPLATE_NAME, StubbedSes.FROM, StubbedSes.SUBJECT, html,
                StubbedSes.SUCCESS, StubbedSes.FAILURE);
    }

    @Test
    void contentWithinSesRulesIsAccepted() {
        String html = "<html><head></head><body class=\"mail\" style=\"font-family:sans-serif\">"
                + "<h1 style='text-align:center'>Welcome &amp; hello</h1><p>2 < 3 and 4 > 1</p>"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"logo\" width=\"40\"/>"
                + "<table width=\"100%\"><tr><td colspan=2>cell</td></tr></table><br/><ul type=\"disc\"><li>one</li></ul>"
                + "</body></html>";

        assertThat(withContent(html).htmlContent()).isEqualTo(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a link                 | <p>Click <a href=\"https://x.example\">here</a></p>     | uses <a>: SES adds the verification link itself",
            "a script               | <p>Hi</p><script>alert(1)</script>                       | uses <script>, a tag SES does not allow",
            "a style element        | <style>p {color: red}</style><p>Hi</p>                   | uses <style>, a tag SES does not allow",
            "a comment              | <p>Hi</p><!-- note -->                                   | has an HTML comment",
            "a doctype              | <!DOCTYPE html><html><body><p>Hi</p></body></html>       | declaration (such as <!DOCTYPE html>)",
            "an event handler       | <p onclick=\"steal()\">Hi</p>                            | gives <p> the attribute 'onclick'",
            "an attribute elsewhere | <p>Hi <img src=\"x.png\" onerror=\"x()\"></p>            | gives <img> the attribute 'onerror'",
            "an unclosed tag        | <p>Hi <b                                                | never closed with '>'",
            "a meta tag             | <html><head><meta charset=\"utf-8\"></head></html>       | uses <meta>"})
    void contentSesRefusesStopsWithItsReason(String what, String html, String says) {
        var refused = assertRefused(() -> withContent(html.strip()), ErrorCode.INVALID_PARAMETER);

        assertThat(refused.getMessage()).startsWith("SES verification template: content ").contains(says);
    }

    @Test
    void contentOfTenMegabytesOrMoreIsRefused() {
        String big = "<p>" + "x".repeat(10 * 1024 * 1024) + "</p>";

        var refused = assertRefused(() -> withContent(big), ErrorCode.INVALID_PARAMETER);

        assertThat(refused.getMessage()).contains("under 10 MB");
    }

    @Test
    void contentJustUnderTheLimitIsAccepted() {
        String html = "<p>" + "x".repeat(10 * 1024 * 1024 - 10) + "</p>";

        assertThat(withContent(html).htmlContent()).hasSize(10 * 1024 * 1024 - 3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name with a space      | user pool | Confirm                 | https://a.example/ok | name 'user pool'",
            "empty subject          | userpool  | ' '                     | https://a.example/ok | subject is empty",
            "relative success URL   | userpool  | Confirm                 | /verified.html       | success redirect URL '/verified.html'"})
    void otherPartsAreCheckedToo(String what, String name, String subject, String success, String says) {
        var refused = assertRefused(() -> new VerificationEmailTemplate(name.strip(), StubbedSes.FROM, subject,
                StubbedSes.CONTENT, URI.create(success.strip()), StubbedSes.FAILURE), ErrorCode.INVALID_PARAMETER);

        assertThat(refused.getMessage()).contains(says);
    }

    @Test
    void aSubjectOnTwoLinesIsRefused() {
        var refused = assertRefused(() -> new VerificationEmailTemplate("userpool", StubbedSes.FROM, "Confirm\nBcc: x@y.z",
                StubbedSes.CONTENT, StubbedSes.SUCCESS, StubbedSes.FAILURE), ErrorCode.INVALID_PARAMETER);

        assertThat(refused.getMessage()).contains("subject must be one line");
    }

    @Test
    void toStringLeavesTheContentOut() {
        assertThat(StubbedSes.template().toString()).contains("userpool-verification").doesNotContain("Almost there");
    }
}
