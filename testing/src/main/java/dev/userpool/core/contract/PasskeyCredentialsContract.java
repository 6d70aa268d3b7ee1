package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.PasskeyCeremony;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.PasskeyCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PasskeyCredentials} does: keeps passkeys per account, and hands each challenge back once. */
public abstract class PasskeyCredentialsContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected abstract PasskeyCredentials store();

    /** The id of an existing account the store may attach passkeys to. */
    protected abstract UserId newAccount();

    private static Passkey passkey(UserId owner, String id, long count) {
        return new Passkey(id, owner, new byte[] {1, 2, 3}, count, List.of("internal"), Optional.of("platform"), "Passkey",
                "localhost", T0, Optional.empty());
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aStoredPasskeyIsListedForItsOwnerOnlyAndFoundById() {
        UserId ada = newAccount();
        UserId bob = newAccount();
        Passkey key = passkey(ada, newId(), 3);
        store().add(key, Passkey.MAX_PER_USER);
        assertThat(store().of(ada)).containsExactly(key);
        assertThat(store().of(bob)).isEmpty();
        assertThat(store().find(key.credentialId())).contains(key);
        assertThat(store().find(newId())).isEmpty();
    }

    @Test
    void aCredentialIdIsRegisteredOnceAcrossAccounts() {
        Passkey key = passkey(newAccount(), newId(), 0);
        store().add(key, Passkey.MAX_PER_USER);
        UserId other = newAccount();
        assertRefused(() -> store().add(passkey(other, key.credentialId(), 0), Passkey.MAX_PER_USER), ErrorCode.INVALID_PARAMETER);
        assertThat(store().of(other)).isEmpty();
    }

    @Test
    void theLimitIsCheckedAsThePasskeyIsStored() {
        UserId ada = newAccount();
        store().add(passkey(ada, newId(), 0), 2);
        store().add(passkey(ada, newId(), 0), 2);
        assertRefused(() -> store().add(passkey(ada, newId(), 0), 2), ErrorCode.LIMIT_EXCEEDED);
        assertThat(store().of(ada)).hasSize(2);
    }

    @Test
    void onlyTheOwnerRemovesAPasskey() {
        UserId ada = newAccount();
        Passkey key = passkey(ada, newId(), 0);
        store().add(key, Passkey.MAX_PER_USER);
        assertThat(store().remove(newAccount(), key.credentialId())).isFalse();
        assertThat(store().find(key.credentialId())).isPresent();
        assertThat(store().remove(ada, key.credentialId())).isTrue();
        assertThat(store().find(key.credentialId())).isEmpty();
        assertThat(store().remove(ada, key.credentialId())).isFalse();
    }

    @Test
    void aUseIsRecordedOnlyOverTheCountItWasCheckedAgainst() {
        UserId ada = newAccount();
        Passkey key = passkey(ada, newId(), 5);
        store().add(key, Passkey.MAX_PER_USER);
        Instant at = T0.plusSeconds(60);
        assertThat(store().recordUse(key.credentialId(), 5, 6, at)).isTrue();
        assertThat(store().recordUse(key.credentialId(), 5, 7, at)).as("a second sign-in raced with the same count").isFalse();
        Passkey used = store().find(key.credentialId()).orElseThrow();
        assertThat(used.signCount()).isEqualTo(6);
        assertThat(used.lastUsedAt()).contains(at);
    }

    @Test
    void aChallengeIsTakenOnceAndANewerOneReplacesTheOlder() {
        UserId ada = newAccount();
        String key = "registration:" + ada.value();
        store().hold(new PasskeyCeremony(key, PasskeyCeremony.Purpose.REGISTRATION, ada, new byte[] {1}, T0));
        store().hold(new PasskeyCeremony(key, PasskeyCeremony.Purpose.REGISTRATION, ada, new byte[] {2}, T0.plusSeconds(1)));
        PasskeyCeremony taken = store().take(key).orElseThrow();
        assertThat(taken.challenge()).containsExactly(2);
        assertThat(taken.user()).isEqualTo(ada);
        assertThat(taken.expiresAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(store().take(key)).isEmpty();
    }
}
