package dev.userpool.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.PendingSignIn;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The commands, steps and pending sign-ins of choice-based sign-in never print a session, code, password or SRP_A. */
class ChoiceBasedSignInSecretsTest {
    private static final RequestContext CONTEXT = RequestContext.internal("r");

    @Test
    void noneOfThemPrintsASecret() {
        List<Object> all = List.of(
                new ChoiceBasedSignIn.Start("a@example.com", Optional.of("PASSWORD"), Optional.of("SECRET-pw"),
                        Optional.of("SECRET-srpA"), CONTEXT),
                new ChoiceBasedSignIn.Choice("a@example.com", "SECRET-session", "PASSWORD", Optional.of("SECRET-pw"),
                        Optional.of("SECRET-srpA"), CONTEXT),
                new ChoiceBasedSignIn.CodeAnswer("a@example.com", "SECRET-session", "SECRET-code", CONTEXT),
                new ChoiceBasedSignIn.PasskeyAnswer("a@example.com", "SECRET-session", "SECRET-credential", CONTEXT),
                new ChoiceBasedSignIn.SelectChallenge(List.of("PASSWORD"), "SECRET-session"),
                new ChoiceBasedSignIn.EmailOtpChallenge(CodeDelivery.email(EmailAddress.parse("a@example.com")), "SECRET-session"),
                new PendingSignIn("SECRET-digest", "a@example.com", Optional.of(new UserId("u-1")), Optional.of("SECRET-code-digest"),
                        Instant.EPOCH, 0));
        for (Object o : all) assertThat(o.toString()).as(o.getClass().getSimpleName()).doesNotContain("SECRET");
    }
}
