package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.AppClientAdministration;
import dev.userpool.core.port.in.AppClientAdministration.ClientChange;
import dev.userpool.core.port.in.AppClientAdministration.ClientCommand;
import dev.userpool.core.port.in.AppClientAdministration.NewClient;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The app-client operations: CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient,
 * DeleteUserPoolClient and ListUserPoolClients, through the AppClientAdministration use cases, in
 * Cognito's shapes (UserPoolClientType). Admin operations: taken only from the callers
 * {@link LocalPool#requireAdminCaller} accepts (each is wrapped in {@link AdminOperations#guarded}), every
 * change recorded with the actor {@code SYSTEM}. An update replaces everything, as Cognito's does: a
 * member left out is its default again (the name stays when left out).
 */
final class AppClientOperations {
    private static final int MAX_LIST = 60;

    private final AppClientAdministration clients;
    private final LocalPool pool;

    AppClientOperations(AppClientAdministration clients, LocalPool pool) {
        this.clients = clients;
        this.pool = pool;
    }

    Map<String, Object> createUserPoolClient(CognitoRequest request, Context ctx) {
        AppClient created = clients.createClient(newClient(request, Optional.empty(), Optional.empty(), RequestContexts.of(ctx)));
        return ordered("UserPoolClient", shape(created, pool.userPoolId()));
    }

    Map<String, Object> describeUserPoolClient(CognitoRequest request, Context ctx) {
        String clientId = request.required("ClientId");
        return ordered("UserPoolClient", shape(clients.describeClient(clientId), pool.userPoolId()));
    }

    Map<String, Object> updateUserPoolClient(CognitoRequest request, Context ctx) {
        String clientId = request.required("ClientId");
        String name = request.optional("ClientName").orElseGet(() -> clients.describeClient(clientId).name());
        AppClient updated = clients.updateClient(new ClientChange(Actor.system(), clientId, settingsOf(request, name),
                RequestContexts.of(ctx)));
        return ordered("UserPoolClient", shape(updated, pool.userPoolId()));
    }

    Map<String, Object> deleteUserPoolClient(CognitoRequest request, Context ctx) {
        clients.deleteClient(new ClientCommand(Actor.system(), request.required("ClientId"), RequestContexts.of(ctx)));
        return Map.of();
    }

    /** UserPoolClients of ClientId, UserPoolId and ClientName (UserPoolClientDescription), by id, MaxResults (1 to 60) at a time. */
    Map<String, Object> listUserPoolClients(CognitoRequest request, Context ctx) {
        return page(request, clients.listClients(), AppClient::clientId, MAX_LIST, "UserPoolClients",
                c -> ordered("ClientId", c.clientId(), "UserPoolId", pool.userPoolId(), "ClientName", c.name()));
    }

    /** CreateUserPoolClient's request (or a pool file's entry, which may pin its ClientId and ClientSecret). */
    static NewClient newClient(CognitoRequest request, Optional<String> pinnedId, Optional<String> pinnedSecret, RequestContext context) {
        return new NewClient(Actor.system(), settingsOf(request, request.required("ClientName")),
                request.bool("GenerateSecret").orElse(false), pinnedId, pinnedSecret, context);
    }

    /** The members of CreateUserPoolClient and UpdateUserPoolClient; what is left out is Cognito's default. */
    static AppClientSettings settingsOf(CognitoRequest r, String name) {
        Optional<CognitoRequest> units = r.object("TokenValidityUnits");
        Duration id = validity(r, "IdTokenValidity", units, "IdToken", "hours", AppClientRules.DEFAULT_TOKEN);
        Duration access = validity(r, "AccessTokenValidity", units, "AccessToken", "hours", AppClientRules.DEFAULT_TOKEN);
        Duration refresh = validity(r, "RefreshTokenValidity", units, "RefreshToken", "days", AppClientRules.DEFAULT_REFRESH_TOKEN);
        Set<String> explicitFlows = r.strings("ExplicitAuthFlows").filter(l -> !l.isEmpty())
                .<Set<String>>map(LinkedHashSet::new).orElse(AppClientRules.DEFAULT_AUTH_FLOWS);
        String prevent = r.optional("PreventUserExistenceErrors").orElse("LEGACY");
        if (!prevent.equals("ENABLED") && !prevent.equals("LEGACY")) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + prevent + "' at 'preventUserExistenceErrors'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: [LEGACY, ENABLED]");
        }
        OptionalMinutes session = new OptionalMinutes(r.integer("AuthSessionValidity"));
        return new AppClientSettings(name, set(r, "AllowedOAuthFlows"), set(r, "AllowedOAuthScopes"), list(r, "CallbackURLs"),
                list(r, "LogoutURLs"), explicitFlows, id, access, refresh, set(r, "SupportedIdentityProviders"),
                r.bool("AllowedOAuthFlowsUserPoolClient").orElse(false), prevent.equals("ENABLED"),
                r.bool("EnableTokenRevocation").orElse(true), r.optional("DefaultRedirectURI"),
                session.orElse(AppClientRules.DEFAULT_AUTH_SESSION));
    }

    private record OptionalMinutes(java.util.OptionalInt minutes) {
        Duration orElse(Duration fallback) {
            return minutes.isPresent() ? Duration.ofMinutes(minutes.getAsInt()) : fallback;
        }
    }

    private static Set<String> set(CognitoRequest r, String member) {
        return new LinkedHashSet<>(list(r, member));
    }

    private static List<String> list(CognitoRequest r, String member) {
        return r.strings(member).orElse(List.of());
    }

    /** A validity in the unit TokenValidityUnits names for it ({@code seconds}, {@code minutes}, {@code hours}, {@code days}). */
    private static Duration validity(CognitoRequest r, String member, Optional<CognitoRequest> units, String unitMember,
                                     String defaultUnit, Duration fallback) {
        java.util.OptionalInt value = r.integer(member);
        if (value.isEmpty()) return fallback;
        String unit = units.flatMap(u -> u.optional(unitMember)).orElse(defaultUnit);
        long amount = value.getAsInt();
        return switch (unit) {
            case "seconds" -> Duration.ofSeconds(amount);
            case "minutes" -> Duration.ofMinutes(amount);
            case "hours" -> Duration.ofHours(amount);
            case "days" -> Duration.ofDays(amount);
            default -> throw CognitoError.invalidParameter("1 validation error detected: Value '" + unit + "' at 'tokenValidityUnits."
                    + Character.toLowerCase(unitMember.charAt(0)) + unitMember.substring(1) + "' failed to satisfy constraint:"
                    + " Member must satisfy enum value set: [seconds, minutes, hours, days]");
        };
    }

    /** UserPoolClientType, as Cognito answers it: what is empty or unset is left out; the secret is there (Describe answers it). */
    static Map<String, Object> shape(AppClient c, String userPoolId) {
        Map<String, Object> s = ordered("UserPoolId", userPoolId, "ClientName", c.name(), "ClientId", c.clientId());
        c.secret().ifPresent(secret -> s.put("ClientSecret", secret));
        s.put("LastModifiedDate", CognitoShapes.epochSeconds(c.lastModifiedAt()));
        s.put("CreationDate", CognitoShapes.epochSeconds(c.createdAt()));
        Unit refresh = Unit.of(c.refreshTokenValidity(), true);
        Unit access = Unit.of(c.accessTokenValidity(), false);
        Unit id = Unit.of(c.idTokenValidity(), false);
        s.put("RefreshTokenValidity", refresh.amount());
        s.put("AccessTokenValidity", access.amount());
        s.put("IdTokenValidity", id.amount());
        s.put("TokenValidityUnits", ordered("AccessToken", access.name(), "IdToken", id.name(), "RefreshToken", refresh.name()));
        putList(s, "ExplicitAuthFlows", c.explicitAuthFlows());
        putList(s, "SupportedIdentityProviders", c.supportedIdentityProviders());
        putList(s, "CallbackURLs", c.callbackUrls());
        putList(s, "LogoutURLs", c.logoutUrls());
        c.defaultRedirectUri().ifPresent(uri -> s.put("DefaultRedirectURI", uri));
        putList(s, "AllowedOAuthFlows", c.allowedOAuthFlows());
        putList(s, "AllowedOAuthScopes", c.allowedScopes());
        s.put("AllowedOAuthFlowsUserPoolClient", c.allowedOAuthFlowsUserPoolClient());
        s.put("PreventUserExistenceErrors", c.preventUserExistenceErrors() ? "ENABLED" : "LEGACY");
        s.put("EnableTokenRevocation", c.enableTokenRevocation());
        s.put("EnablePropagateAdditionalUserContextData", false);
        s.put("AuthSessionValidity", c.authSessionValidity().toMinutes());
        return s;
    }

    private static void putList(Map<String, Object> shape, String member, java.util.Collection<String> values) {
        // lists keep their order (URLs); sets are answered sorted, the same every time
        if (!values.isEmpty()) shape.put(member, values instanceof List ? List.copyOf(values) : values.stream().sorted().toList());
    }

    /** A validity in the largest unit that states it exactly (days only for refresh tokens, as Cognito's default). */
    private record Unit(long amount, String name) {
        static Unit of(Duration d, boolean days) {
            long seconds = d.toSeconds();
            if (days && seconds % 86_400 == 0) return new Unit(seconds / 86_400, "days");
            if (seconds % 3_600 == 0) return new Unit(seconds / 3_600, "hours");
            if (seconds % 60 == 0) return new Unit(seconds / 60, "minutes");
            return new Unit(seconds, "seconds");
        }
    }

    /**
     * One page of {@code all}, ordered by {@code key}: NextToken is the key of the first item of the next page
     * (what the previous page answered); MaxResults from 1 to {@code max}.
     */
    static <T> Map<String, Object> page(CognitoRequest request, List<T> all, Function<T, String> key, int max, String member,
                                        Function<T, Map<String, Object>> shape) {
        int limit = request.integer("MaxResults").orElse(max);
        if (limit < 1 || limit > max) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + limit + "' at 'maxResults' failed to"
                    + " satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1" : "less than or equal to " + max));
        }
        List<T> sorted = all.stream().sorted(java.util.Comparator.comparing(key)).toList();
        int from = 0;
        Optional<String> next = request.optional("NextToken");
        if (next.isPresent()) {
            from = -1;
            for (int i = 0; i < sorted.size(); i++) {
                if (key.apply(sorted.get(i)).compareTo(next.get()) >= 0) {
                    from = i;
                    break;
                }
            }
            if (from < 0) from = sorted.size();
        }
        int to = Math.min(sorted.size(), from + limit);
        Map<String, Object> answer = ordered(member, sorted.subList(from, to).stream().map(shape).toList());
        if (to < sorted.size()) answer.put("NextToken", key.apply(sorted.get(to)));
        return answer;
    }
}
