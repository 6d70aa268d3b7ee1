package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.Settings;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.PasskeyCeremony;
import dev.userpool.core.domain.RelyingParty;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.in.PasskeyAuthentication;
import dev.userpool.core.port.in.Passkeys;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.PasskeyCredentials;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.service.PasskeyService;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.SqlitePasskeyCredentials;
import dev.userpool.embedded.WebAuthn4jCeremonies;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passkeys (issue 14): on the embedded directory, for the relying party of {@code USERPOOL_BASE_URL} when
 * it is a secure context (https, or http on localhost); off otherwise, with the reason callers are told.
 * A Cognito directory's passkeys are Cognito's own (its managed login and API serve them).
 */
@Module
public final class PasskeyModule {
    private static final Logger LOG = LoggerFactory.getLogger(PasskeyModule.class);

    private PasskeyModule() {}

    @Provides
    @Singleton
    static PasskeyService passkeyService(Settings settings, Provider<EmbeddedDatabase> db, TokenVerifier tokens,
                                         UserDirectory directory, Authenticator authenticator, AuditLog audit, Clock clock) {
        if (settings.directory() != Settings.DirectoryChoice.EMBEDDED) {
            return new PasskeyService(Optional.empty(), "Passkeys of a Cognito directory are Cognito's own: use its managed"
                    + " login or its WebAuthn operations.", NONE, new WebAuthn4jCeremonies(), tokens, directory, authenticator,
                    audit, clock);
        }
        Optional<RelyingParty> rp = RelyingParty.servedAt(settings.baseUrl(), "userpool");
        String why = "Passkeys need a secure context: USERPOOL_BASE_URL (" + settings.baseUrl()
                + ") must be https, or http on localhost.";
        if (rp.isPresent()) LOG.info("Passkeys on: relying party {}, origin {}", rp.get().id(), rp.get().origin());
        else LOG.info("Passkeys off: {}", why);
        return new PasskeyService(rp, why, new SqlitePasskeyCredentials(db.get(), clock), new WebAuthn4jCeremonies(), tokens,
                directory, authenticator, audit, clock);
    }

    @Provides
    static Passkeys passkeys(PasskeyService service) {
        return service;
    }

    @Provides
    static PasskeyAuthentication passkeyAuthentication(PasskeyService service) {
        return service;
    }

    /** Where passkeys are off, none are kept. */
    private static final PasskeyCredentials NONE = new PasskeyCredentials() {
        @Override public void add(Passkey passkey, int limit) { throw new IllegalStateException("passkeys are off"); }
        @Override public List<Passkey> of(UserId owner) { return List.of(); }
        @Override public Optional<Passkey> find(String credentialId) { return Optional.empty(); }
        @Override public boolean remove(UserId owner, String credentialId) { return false; }
        @Override public boolean recordUse(String id, long expected, long count, Instant at) { return false; }
        @Override public void hold(PasskeyCeremony ceremony) { }
        @Override public Optional<PasskeyCeremony> take(String key) { return Optional.empty(); }
    };
}
