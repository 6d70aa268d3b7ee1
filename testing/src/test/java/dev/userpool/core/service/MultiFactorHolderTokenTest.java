package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.port.out.SoftwareTokens;
import dev.userpool.core.testing.InMemorySoftwareTokens;
import dev.userpool.core.testing.Oathtool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a store that acts as the account's holder (Amazon Cognito's AssociateSoftwareToken and
 * VerifySoftwareToken take the user's access token) is handed the holder's access token, the one the use
 * case checked; a store that acts by id ignores it (the port's defaults).
 */
class MultiFactorHolderTokenTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();
    private final InMemorySoftwareTokens apps = new InMemorySoftwareTokens(id -> core.directory.findById(id).isPresent(), core.clock);
    private final List<String> tokensSeen = new ArrayList<>();

    /** The in-memory store, noting the access tokens it is handed. */
    private final SoftwareTokens actingAsHolder = new SoftwareTokens() {
        @Override public SoftwareTokenSecret associate(UserId user) { throw new AssertionError("associated by id"); }
        @Override public SoftwareTokenSecret associate(UserId user, String accessToken) {
            tokensSeen.add(accessToken);
            return apps.associate(user);
        }
        @Override public MfaSettings verify(UserId user, TotpCode code) { throw new AssertionError("verified by id"); }
        @Override public MfaSettings verify(UserId user, String accessToken, TotpCode code) {
            tokensSeen.add(accessToken);
            return apps.verify(user, code);
        }
        @Override public MfaSettings settings(UserId user) { return apps.settings(user); }
        @Override public MfaSettings setPreference(UserId user, MfaSettings.SoftwareTokenPreference choice) { return apps.setPreference(user, choice); }
        @Override public boolean remove(UserId user) { return apps.remove(user); }
    };

    @Test
    void theHoldersAccessTokenReachesAStoreThatActsAsTheHolder() {
        core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.authentication.signIn(new SignInCommand("alice@example.com", CoreWithFakes.PASSWORD, CONTEXT));
        var mfa = new MultiFactorService(Optional.of(actingAsHolder), core.authenticator, core.tokens, core.directory,
                core.auditLog, UserEnumerationProtection.on(), core.clock);
        var holder = new MultiFactor.Holder.ByAccessToken(" " + tokens.accessToken() + " ");

        String secret = mfa.associate(holder, CONTEXT).secret().base32();
        mfa.verify(holder, Oathtool.code(secret, core.clock.instant()), Optional.empty(), CONTEXT);

        assertThat(tokensSeen).containsExactly(tokens.accessToken(), tokens.accessToken());
        assertThat(mfa.settings(tokens.accessToken()).softwareTokenVerified()).isTrue();
    }

    @Test
    void aStoreThatActsByIdIgnoresTheToken() {
        core.signUpAndConfirm("bob@example.com");
        UserId bob = core.directory.find(CoreWithFakes.email("bob@example.com")).orElseThrow().id();
        SoftwareTokenSecret secret = apps.associate(bob, "not-looked-at");
        assertThat(apps.verify(bob, "not-looked-at", new TotpCode(Oathtool.code(secret.base32(), core.clock.instant())))
                .softwareTokenVerified()).isTrue();
    }
}
