package dev.userpool.core.testing;

import dev.userpool.core.domain.AccessGrant;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ClientAccessToken;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.OAuthTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** OAuth tokens as opaque random strings (issue 15): what each grants is kept here, as the port's rules say. */
public final class FakeOAuthTokens implements OAuthTokens {
    private record Grant(UserId user, String clientId, Set<String> scopes) {}

    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();

    @Override
    public Tokens issue(UserId user, AppClient client, Set<String> scopes, Optional<String> nonce, Instant authTime) {
        Grant grant = new Grant(user, client.clientId(), scopes);
        String refresh = "refresh-" + UUID.randomUUID();
        refreshTokens.put(refresh, grant);
        return tokens(grant, Optional.of(refresh));
    }

    private Tokens tokens(Grant grant, Optional<String> refresh) {
        String access = "access-" + UUID.randomUUID();
        accessTokens.put(access, grant);
        return new Tokens("id-" + UUID.randomUUID(), access, refresh, Duration.ofHours(1));
    }

    @Override
    public Tokens refresh(String refreshToken, AppClient client) {
        Grant grant = refreshTokens.get(refreshToken);
        if (grant == null || !grant.clientId().equals(client.clientId())) throw UserPoolException.notAuthorized("Invalid Refresh Token");
        return tokens(grant, Optional.empty());
    }

    @Override
    public Optional<UserId> revoke(String refreshToken, AppClient client) {
        Grant grant = refreshTokens.get(refreshToken);
        if (grant == null) return Optional.empty();
        if (!grant.clientId().equals(client.clientId())) throw UserPoolException.notAuthorized("The token was issued to another client.");
        refreshTokens.remove(refreshToken);
        accessTokens.values().removeIf(g -> g == grant);
        return Optional.of(grant.user());
    }

    @Override
    public ClientAccessToken clientCredentials(AppClient client, Set<String> scopes) {
        return new ClientAccessToken("client-access-" + UUID.randomUUID(), Duration.ofHours(1));
    }

    @Override
    public AccessGrant inspect(String accessToken) {
        Grant grant = accessTokens.get(accessToken);
        if (grant == null) throw UserPoolException.notAuthorized("Token is invalid.");
        return new AccessGrant(grant.user(), grant.clientId(), grant.scopes());
    }
}
