package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.embedded.EmbeddedSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Cognito JavaScript client, amazon-cognito-identity-js, in Node against the running app
 * (src/cognito-js/cognito-flow.js): sign up, confirm with the mailed code, sign in with SRP, tokens that
 * verify against the pool's JWKS, a wrong password and an unconfirmed account refused with Cognito's
 * errors, refresh, global sign-out. Then the same story read back from the audit trail: the calls went
 * through the core's use cases.
 */
class CognitoJavaScriptClientIT {
    private static final String PASSWORD = "Giddy-Up-Unicorn-7";
    private RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of());
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void theJavaScriptClientSignsUpConfirmsAndSignsInWithSrp() throws Exception {
        String email = "js-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        CognitoJs.Run run = CognitoJs.run("cognito-flow.js", Map.of(
                "ENDPOINT", app.baseUrl().toString(),
                "POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                "CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID,
                "EMAIL", email,
                "PASSWORD", PASSWORD));

        assertThat(run.exitCode()).as("cognito-flow.js: %s %s", run.output(), run.stderr()).isZero();
        assertThat(run.output().path("checks")).extracting(n -> n.asText()).containsExactly(
                "signUp",
                "signUp again: UsernameExistsException",
                "authenticateUser before confirming: UserNotConfirmedException",
                "confirmRegistration with the mailed code",
                "authenticateUser with a wrong password: NotAuthorizedException",
                "authenticateUser of an unknown user: NotAuthorizedException",
                "authenticateUser (SRP): tokens verify against the JWKS",
                "getUserAttributes",
                "refreshSession",
                "globalSignOut: the access and refresh tokens stop working",
                "authenticateUser again after signing out",
                // issue 13, attributes (attributeSteps)
                "signUp with a name: the ID token carries it",
                "updateAttributes, then getUserAttributes shows them",
                "deleteAttributes",
                "updateAttributes with bad values: Cognito's errors, nothing changed",
                "refreshSession: the new ID token carries the new name");

        List<AuditEvent> trail = app.component().auditQueries().forEmail(email, PageRequest.first(60)).items();
        assertThat(trail).filteredOn(e -> e.type() == AuditEventType.SIGN_IN).extracting(AuditEvent::outcome)
                .as("SRP sign-ins are the core's SIGN_IN events: unconfirmed, wrong password, success, success")
                .containsExactlyInAnyOrder(Outcome.FAILURE, Outcome.FAILURE, Outcome.SUCCESS, Outcome.SUCCESS);
        assertThat(trail).extracting(AuditEvent::type).contains(AuditEventType.SIGN_UP, AuditEventType.SIGN_UP_CONFIRMED,
                AuditEventType.TOKENS_REFRESHED, AuditEventType.SIGN_OUT);
        assertThat(trail).filteredOn(e -> e.type() == AuditEventType.SIGN_IN && e.outcome() == Outcome.SUCCESS)
                .allSatisfy(e -> assertThat(e.userId()).isPresent());
    }
}
