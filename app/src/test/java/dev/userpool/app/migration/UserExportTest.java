package dev.userpool.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.Administration.AdminCommand;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded pool's accounts in every state, exported as Cognito's import CSV. */
class UserExportTest {

    @Test
    void confirmedEnabledAccountsAreExportedWithTheirVerificationAndTheRestCounted() {
        try (RunningApp app = RunningApp.start(Map.of())) {
            ApiClient api = new ApiClient(app.baseUrl());
            Administration admin = app.component().administration();
            api.register("verified@example.com");
            api.signUp("operator-confirmed@example.com");
            admin.confirm(command("operator-confirmed@example.com"));
            api.signUp("unconfirmed@example.com");
            api.register("disabled@example.com");
            admin.disable(command("disabled@example.com"));

            StringWriter csv = new StringWriter();
            UserExport.Summary summary = UserExport.write(admin, csv);

            assertThat(summary).isEqualTo(new UserExport.Summary(2, 1, 1));
            assertThat(csv.toString().lines().findFirst()).contains(CognitoUserCsvTest.HEADER);
            assertThat(csv.toString()).doesNotContain("unconfirmed@", "disabled@", "$argon2", ApiClient.PASSWORD);
            assertThat(CognitoUserCsv.read(new BufferedReader(new StringReader(csv.toString()))))
                    .extracting(MovedUser::email, MovedUser::emailVerified)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(new EmailAddress("verified@example.com"), true),
                            org.assertj.core.groups.Tuple.tuple(new EmailAddress("operator-confirmed@example.com"), false));
        }
    }

    /** Invited and operator-reset accounts have left sign-up: they move, and set their password by a reset there. */
    @Test
    void invitedAndResetAccountsAreExported() {
        try (RunningApp app = RunningApp.start(Map.of())) {
            ApiClient api = new ApiClient(app.baseUrl());
            var passwords = app.component().passwordAdministration();
            passwords.invite(new dev.userpool.core.port.in.PasswordAdministration.InviteCommand(Actor.system(),
                    "invited@example.com", java.util.Optional.empty(), false, dev.userpool.core.domain.UserAttributes.none(),
                    java.util.Optional.of("Temporary-Pass-1"),
                    dev.userpool.core.port.in.PasswordAdministration.MessageAction.SUPPRESS, RequestContext.internal("test")));
            api.register("reset@example.com");
            passwords.resetPassword(command("reset@example.com"));

            StringWriter csv = new StringWriter();
            UserExport.Summary summary = UserExport.write(app.component().administration(), csv);

            assertThat(summary).isEqualTo(new UserExport.Summary(2, 0, 0));
            assertThat(csv.toString()).contains("invited@example.com", "reset@example.com").doesNotContain("Temporary-Pass-1");
        }
    }

    private static AdminCommand command(String email) {
        return new AdminCommand(Actor.system(), email, RequestContext.internal("test"));
    }
}
