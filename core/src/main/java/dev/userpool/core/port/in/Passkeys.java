package dev.userpool.core.port.in;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in account holder's passkeys (Cognito's StartWebAuthnRegistration, CompleteWebAuthnRegistration,
 * ListWebAuthnCredentials, DeleteWebAuthnCredential), and an administrator's view of them. Every call
 * needs a valid access token; passkeys are off ({@code WebAuthnConfigurationMissing}) where the pool is
 * not served in a secure context.
 */
public interface Passkeys {

    /** Whether this pool offers passkeys at all (a secure-context base URL, an embedded directory). */
    boolean enabled();

    /** The relying party id passkeys are made for, when they are on. */
    Optional<String> relyingPartyId();

    /** Poses a registration: the {@code PublicKeyCredentialCreationOptionsJSON} (Cognito's CredentialCreationOptions). */
    String startRegistration(String accessToken, RequestContext context);

    /** Checks the browser's answer ({@code RegistrationResponseJSON}) and adds the passkey; one event either way. */
    Passkey completeRegistration(String accessToken, String credentialJson, RequestContext context);

    /** The token holder's passkeys, a page at a time (at most {@link Passkey#MAX_PER_USER}). */
    Page<Passkey> list(String accessToken, PageRequest page);

    /** Removes one of the token holder's passkeys; {@code ResourceNotFound} when they hold none with this id. */
    void delete(String accessToken, String credentialId, RequestContext context);

    /** An account's passkeys, for an administrator (who checked their right to read). */
    List<Passkey> of(UserId user);

    /** Removes an account's passkey on an administrator's word; one event naming them. */
    void remove(UserId user, String credentialId, Actor administrator, RequestContext context);
}
