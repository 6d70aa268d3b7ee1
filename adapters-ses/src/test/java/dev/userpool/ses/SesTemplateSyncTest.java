package dev.userpool.ses;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.ses.testing.SesV2Stub.Operation.CREATE_TEMPLATE;
import static dev.userpool.ses.testing.SesV2Stub.Operation.GET_TEMPLATE;
import static dev.userpool.ses.testing.SesV2Stub.Operation.UPDATE_TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.ses.SesEmailVerifier.TemplateSync;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At start the SES template is made to match the app's files: created once, updated when it differs, else left alone. */
class SesTemplateSyncTest {
    private final StubbedSes ses = new StubbedSes();

    @AfterEach
    void close() throws Exception {
        ses.close();
    }

    @Test
    void aMissingTemplateIsCreatedWithEveryPart() {
        assertThat(ses.verifier().syncTemplate()).isEqualTo(TemplateSync.CREATED);

        var made = ses.stub.template("userpool-verification").orElseThrow();
        assertThat(made.path("FromEmailAddress").asText()).isEqualTo("no-reply@auth.example.com");
        assertThat(made.path("TemplateSubject").asText()).isEqualTo(StubbedSes.SUBJECT);
        assertThat(made.path("TemplateContent").asText()).isEqualTo(StubbedSes.CONTENT);
        assertThat(made.path("SuccessRedirectionURL").asText()).isEqualTo("https://auth.example.com/verified.html");
        assertThat(made.path("FailureRedirectionURL").asText()).isEqualTo("https://auth.example.com/verified.html?failed=1");
    }

    @Test
    void aSecondStartChangesNothing() {
        ses.verifier().syncTemplate();
        ses.stub.clearCalls();

        assertThat(ses.verifier().syncTemplate()).isEqualTo(TemplateSync.UNCHANGED);

        assertThat(ses.stub.calls()).extracting(c -> c.operation()).containsExactly(GET_TEMPLATE);
    }

    @Test
    void aTemplateEditedInTheAccountIsPutBackToTheAppsVersion() {
        ses.stub.putTemplate("userpool-verification", "someone@auth.example.com", "Edited by hand", "<p>old</p>",
                "https://old.example.com/ok", "https://old.example.com/failed");

        assertThat(ses.verifier().syncTemplate()).isEqualTo(TemplateSync.UPDATED);

        var now = ses.stub.template("userpool-verification").orElseThrow();
        assertThat(now.path("TemplateSubject").asText()).isEqualTo(StubbedSes.SUBJECT);
        assertThat(now.path("FromEmailAddress").asText()).isEqualTo("no-reply@auth.example.com");
        assertThat(now.path("SuccessRedirectionURL").asText()).isEqualTo("https://auth.example.com/verified.html");
        ses.stub.clearCalls();
        assertThat(ses.verifier().syncTemplate()).isEqualTo(TemplateSync.UNCHANGED);
        assertThat(ses.stub.calls(UPDATE_TEMPLATE)).isEmpty();
    }

    @Test
    void aNewBaseUrlUpdatesOnlyBecauseTheRedirectsDiffer() {
        ses.verifier().syncTemplate();
        VerificationEmailTemplate moved = new VerificationEmailTemplate(StubbedSes.TEMPLATE_NAME, StubbedSes.FROM,
                StubbedSes.SUBJECT, StubbedSes.CONTENT, URI.create("https://login.example.org/verified.html"),
                URI.create("https://login.example.org/verified.html?failed=1"));

        assertThat(ses.verifier(moved, ses.pacer(1, 5)).syncTemplate()).isEqualTo(TemplateSync.UPDATED);

        assertThat(ses.stub.template("userpool-verification").orElseThrow().path("FailureRedirectionURL").asText())
                .isEqualTo("https://login.example.org/verified.html?failed=1");
    }

    @Test
    void anotherInstanceCreatingItFirstIsFine() {
        ses.stub.failNext(CREATE_TEMPLATE, 400, "AlreadyExistsException", "Template already exists.");

        assertThat(ses.verifier().syncTemplate()).isEqualTo(TemplateSync.CREATED);
    }

    @Test
    void anAccountWithFiftyTemplatesSaysSo() {
        ses.stub.failNext(CREATE_TEMPLATE, 400, "LimitExceededException", "Maximum template count reached.");

        var refused = assertRefused(() -> ses.verifier().syncTemplate(), ErrorCode.LIMIT_EXCEEDED);

        assertThat(refused.getMessage()).contains("50 custom verification templates").contains("userpool-verification");
    }

    @Test
    void aSandboxAccountIsToldSoPlainlyAtStart() {
        ses.stub.failNext(CREATE_TEMPLATE, 400, "ProductionAccessNotGranted", "Production access not granted.");

        var refused = assertRefused(() -> ses.verifier().syncTemplate(), ErrorCode.SERVICE_UNAVAILABLE);

        assertThat(refused.getMessage()).contains("sandbox").contains("production access");
    }
}
