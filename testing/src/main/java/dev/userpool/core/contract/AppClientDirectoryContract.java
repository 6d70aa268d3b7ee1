package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientCredentials;
import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.port.out.AppClientDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AppClientDirectory} does: keeps every field of a client as given (its secret too),
 * finds, replaces, lists and deletes by id, and refuses an id in use or unknown with the core's errors.
 * A directory may hold clients of its own (the default one): the contract only counts its own.
 */
public abstract class AppClientDirectoryContract {

    protected abstract AppClientDirectory clients();

    /** Seconds: the precision every directory keeps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    protected AppClient newClient(Optional<String> secret) {
        AppClientSettings settings = new AppClientSettings("contract client", Set.of("code"), Set.of("openid", "email"),
                List.of("https://app.example.com/callback", "http://localhost:3000/cb"), List.of("https://app.example.com/bye"),
                Set.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), Duration.ofMinutes(30), Duration.ofMinutes(45),
                Duration.ofDays(7), Set.of("COGNITO"), true, true, false,
                Optional.of("https://app.example.com/callback"), Duration.ofMinutes(5));
        Instant now = now();
        return settings.toClient(AppClientCredentials.newClientId(), secret, now, now);
    }

    @Test
    void aClientIsFoundAsItWasCreatedWithEveryField() {
        AppClient client = newClient(Optional.of(AppClientCredentials.newSecret()));
        assertThat(clients().create(client)).isEqualTo(client);
        assertThat(clients().find(client.clientId())).contains(client);
        assertThat(clients().list()).contains(client);
    }

    @Test
    void aClientWithoutSecretStaysWithout() {
        AppClient client = newClient(Optional.empty());
        clients().create(client);
        assertThat(clients().find(client.clientId()).orElseThrow().secret()).isEmpty();
    }

    @Test
    void anUnknownClientIsNotFound() {
        assertThat(clients().find("nosuchclient")).isEmpty();
        assertRefused(() -> clients().delete("nosuchclient"), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> clients().replace(newClient(Optional.empty())), ErrorCode.RESOURCE_NOT_FOUND);
    }

    @Test
    void anIdInUseIsRefusedAndTheFirstClientStays() {
        AppClient client = newClient(Optional.empty());
        clients().create(client);
        AppClient twin = AppClientSettings.defaults("twin").toClient(client.clientId(), Optional.empty(), now(), now());
        assertRefused(() -> clients().create(twin), ErrorCode.INVALID_PARAMETER);
        assertThat(clients().find(client.clientId())).contains(client);
    }

    @Test
    void replacingChangesEveryFieldButTheId() {
        AppClient client = newClient(Optional.of("s3cret"));
        clients().create(client);
        AppClient changed = AppClientSettings.defaults("renamed").toClient(client.clientId(), Optional.empty(),
                client.createdAt(), now().plusSeconds(5));
        clients().replace(changed);
        assertThat(clients().find(client.clientId())).contains(changed);
    }

    @Test
    void aDeletedClientIsGone() {
        AppClient client = newClient(Optional.empty());
        clients().create(client);
        clients().delete(client.clientId());
        assertThat(clients().find(client.clientId())).isEmpty();
        assertThat(clients().list()).doesNotContain(client);
    }
}
