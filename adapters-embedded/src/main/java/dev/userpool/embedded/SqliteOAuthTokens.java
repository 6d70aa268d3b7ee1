package dev.userpool.embedded;

import static dev.userpool.embedded.CognitoClaims.CLIENT_ID;
import static dev.userpool.embedded.CognitoClaims.SCOPE;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.userpool.core.domain.AccessGrant;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ClientAccessToken;
import dev.userpool.core.domain.GroupRank;
import dev.userpool.core.domain.OAuthScopes;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.out.AppClientDirectory;
import dev.userpool.core.port.out.OAuthTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth endpoints' tokens on the embedded pool: a session like a sign-in's ({@link Sessions}, so
 * global sign-out and the verifier treat it alike) plus a row saying which app client and scopes it was
 * granted, so that only that client refreshes or revokes it and refreshed tokens keep its scopes.
 */
public final class SqliteOAuthTokens implements OAuthTokens {
    static final String INVALID_REFRESH_TOKEN = SqliteAuthenticator.INVALID_REFRESH_TOKEN;

    private final EmbeddedDatabase db;
    private final TokenIssuer issuer;
    private final EmbeddedTokenVerifier verifier;
    private final Clock clock;

    /** {@code clients}: whose tokens {@link #inspect} accepts (any of the pool's app clients). */
    public SqliteOAuthTokens(EmbeddedDatabase db, SigningKeys keys, EmbeddedSettings settings, Clock clock,
                             SqliteAppClientDirectory clients) {
        this.db = Objects.requireNonNull(db, "db");
        this.issuer = new TokenIssuer(keys, settings);
        this.verifier = new EmbeddedTokenVerifier(db, keys, settings, clock, clients);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Tokens issue(UserId user, AppClient client, Set<String> scopes, Optional<String> nonce, Instant authTime) {
        Instant now = clock.instant();
        String refreshToken = OpaqueTokens.newToken();
        record Opened(User user, Sessions.Session session, List<GroupRank> groups) {}
        Opened opened = db.transaction(c -> {
            User account = UserRows.byId(c, user).orElseThrow(UserPoolException::userNotFound).user();
            Sessions.Session opening = Sessions.open(c, user, refreshToken, now, client.refreshTokenValidity(), client.clientId());
            // the session's auth_time is when the user signed in on the managed login, not now
            Sessions.Session session = new Sessions.Session(opening.id(), user, opening.eventId(), authTime, opening.clientId());
            try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET auth_time = ? WHERE id = ?")) {
                p.setLong(1, authTime.getEpochSecond());
                p.setString(2, session.id());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO oauth_sessions (session_id, client_id, scopes, nonce) VALUES (?, ?, ?, ?)")) {
                p.setString(1, session.id());
                p.setString(2, client.clientId());
                p.setString(3, OAuthScopes.format(scopes));
                p.setString(4, nonce.orElse(null));
                p.executeUpdate();
            }
            return new Opened(account, session, GroupRows.tokenGroups(c, user));
        });
        return issuer.issueForClient(opened.user(), opened.groups(), opened.session(), now, Optional.of(refreshToken),
                client, scopes, nonce);
    }

    /** The grant of a session opened here: its client and scopes. */
    private record Granted(String clientId, Set<String> scopes) {}

    @Override
    public Tokens refresh(String refreshToken, AppClient client) {
        Instant now = clock.instant();
        record Found(Sessions.Refreshable refreshable, Optional<Granted> grant) {}
        Found found = db.read(c -> {
            Optional<Sessions.Refreshable> r = Sessions.refreshable(c, refreshToken, now);
            return new Found(r.orElse(null), r.isPresent() ? grantOf(c, r.get().session().id()) : Optional.empty());
        });
        if (found.refreshable() == null || found.grant().isEmpty()
                || !found.grant().get().clientId().equals(client.clientId())
                || !found.refreshable().user().canSignIn()) {
            throw UserPoolException.notAuthorized(INVALID_REFRESH_TOKEN);
        }
        Sessions.Refreshable r = found.refreshable();
        return issuer.issueForClient(r.user(), r.groups(), r.session(), now, Optional.empty(), client,
                found.grant().get().scopes(), Optional.empty());
    }

    @Override
    public Optional<UserId> revoke(String refreshToken, AppClient client) {
        Instant now = clock.instant();
        return db.transaction(c -> {
            Optional<Sessions.Session> session = Sessions.byRefreshToken(c, refreshToken, now);
            if (session.isEmpty()) return Optional.<UserId>empty();
            Optional<Granted> grant = grantOf(c, session.get().id());
            if (grant.isEmpty() || !grant.get().clientId().equals(client.clientId())) {
                throw UserPoolException.notAuthorized("The token was issued to another client.");
            }
            Sessions.end(c, session.get().id());
            return Optional.of(session.get().userId());
        });
    }

    @Override
    public ClientAccessToken clientCredentials(AppClient client, Set<String> scopes) {
        return issuer.issueClientCredentials(client, scopes, clock.instant());
    }

    @Override
    public AccessGrant inspect(String accessToken) {
        VerifiedToken token = verifier.check(accessToken).token();
        if (token.use() != VerifiedToken.TokenUse.ACCESS) throw UserPoolException.notAuthorized("Token use is not accepted.");
        try {
            // signature, issuer, expiry, client and session were checked above; these are the claims they cover
            JWTClaimsSet claims = SignedJWT.parse(accessToken.strip()).getJWTClaimsSet();
            String scope = claims.getStringClaim(SCOPE);
            return new AccessGrant(token.userId(), claims.getStringClaim(CLIENT_ID), OAuthScopes.parse(scope));
        } catch (ParseException e) {
            throw UserPoolException.notAuthorized("Token is malformed.");
        }
    }

    private static Optional<Granted> grantOf(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT client_id, scopes FROM oauth_sessions WHERE session_id = ?")) {
            p.setString(1, sessionId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Granted(rs.getString(1), OAuthScopes.parse(rs.getString(2))));
            }
        }
    }
}
