package dev.userpool.ses;

import static dev.userpool.ses.StubbedSes.CONTENT;
import static dev.userpool.ses.StubbedSes.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.ses.testing.SesV2Stub.Call;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the real SDK client puts on the wire for each SES v2 operation the adapters use: the exact
 * method, path and JSON body, as SES's API reference specifies them.
 */
class SesWireProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StubbedSes ses = new StubbedSes();
    private final EmailAddress alice = new EmailAddress("Alice+Signup@Example.com");

    @AfterEach
    void close() throws Exception {
        ses.close();
    }

    @Test
    void templateSyncReadsThenCreates() {
        ses.verifier().syncTemplate();

        List<Call> calls = ses.stub.calls();
        assertThat(calls).hasSize(2);
        assertCall(calls.get(0), "GET", "/v2/email/custom-verification-email-templates/userpool-verification", null);
        assertCall(calls.get(1), "POST", "/v2/email/custom-verification-email-templates", templateJson()
                .put("TemplateName", "userpool-verification"));
    }

    @Test
    void aChangedTemplateIsUpdatedInPlace() {
        ses.stub.putTemplate("userpool-verification", "no-reply@auth.example.com", "Old subject", CONTENT,
                StubbedSes.SUCCESS.toString(), StubbedSes.FAILURE.toString());

        ses.verifier().syncTemplate();

        List<Call> calls = ses.stub.calls();
        assertThat(calls).hasSize(2);
        assertCall(calls.get(1), "PUT", "/v2/email/custom-verification-email-templates/userpool-verification", templateJson());
    }

    @Test
    void sendingAVerificationNamesTheAddressAndTheTemplate() {
        SesEmailVerifier verifier = ses.verifier();
        verifier.syncTemplate();
        ses.stub.clearCalls();

        verifier.sendVerification(alice);

        assertThat(ses.stub.calls()).singleElement().satisfies(c -> assertCall(c, "POST",
                "/v2/email/outbound-custom-verification-emails",
                JSON.createObjectNode().put("EmailAddress", "alice+signup@example.com").put("TemplateName", "userpool-verification")));
    }

    @Test
    void statusAndForgetAddressTheIdentityByItsEncodedAddress() {
        SesEmailVerifier verifier = ses.verifier();

        verifier.status(alice);
        verifier.forget(alice);

        List<Call> calls = ses.stub.calls();
        assertThat(calls).hasSize(2);
        assertCall(calls.get(0), "GET", "/v2/email/identities/alice%2Bsignup%40example.com", null);
        assertCall(calls.get(1), "DELETE", "/v2/email/identities/alice%2Bsignup%40example.com", null);
    }

    @Test
    void sendEmailCarriesSubjectTextAndHtmlInUtf8() {
        ses.mailer().deliver(new EmailMessage(alice, EmailMessage.Kind.PASSWORD_CHANGED, "Passwort geändert",
                "Ihr Passwort wurde geändert.\n", "<p>Ihr Passwort wurde <b>geändert</b>.</p>"));

        ObjectNode expected = JSON.createObjectNode().put("FromEmailAddress", "no-reply@auth.example.com");
        expected.putObject("Destination").putArray("ToAddresses").add("alice+signup@example.com");
        ObjectNode simple = expected.putObject("Content").putObject("Simple");
        simple.putObject("Subject").put("Data", "Passwort geändert").put("Charset", "UTF-8");
        ObjectNode body = simple.putObject("Body");
        body.putObject("Text").put("Data", "Ihr Passwort wurde geändert.\n").put("Charset", "UTF-8");
        body.putObject("Html").put("Data", "<p>Ihr Passwort wurde <b>geändert</b>.</p>").put("Charset", "UTF-8");
        assertThat(ses.stub.calls()).singleElement()
                .satisfies(c -> assertCall(c, "POST", "/v2/email/outbound-emails", expected));
    }

    private static ObjectNode templateJson() {
        return JSON.createObjectNode()
                .put("FromEmailAddress", "no-reply@auth.example.com")
                .put("TemplateSubject", SUBJECT)
                .put("TemplateContent", CONTENT)
                .put("SuccessRedirectionURL", "https://auth.example.com/verified.html")
                .put("FailureRedirectionURL", "https://auth.example.com/verified.html?failed=1");
    }

    /** Method and raw path exactly; the body as JSON, exactly these members (no body at all when {@code null}). */
    private static void assertCall(Call call, String method, String path, JsonNode body) {
        assertThat(call.method()).as("method of %s", call).isEqualTo(method);
        assertThat(call.path()).as("path of %s", call).isEqualTo(path);
        if (body == null) assertThat(call.body()).as("body of %s", call).isEmpty();
        else assertThat(call.json()).as("body of %s", call).isEqualTo(body);
    }
}
