package dev.userpool.app.http.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The way back to a client: its redirect URI (already proven to be one of its callback URLs) with the
 * answer's parameters added — in the query for the code flow (RFC 6749 §4.1.2, keeping the URI's own
 * query), in the fragment for the implicit flow (§4.2.2).
 */
final class ClientRedirect {
    private ClientRedirect() {}

    static String inQuery(String redirectUri, Map<String, String> parameters) {
        int hash = redirectUri.indexOf('#');
        String base = hash >= 0 ? redirectUri.substring(0, hash) : redirectUri;   // a redirect URI has no fragment to keep
        return base + (base.contains("?") ? "&" : "?") + encoded(parameters);
    }

    static String inFragment(String redirectUri, Map<String, String> parameters) {
        int hash = redirectUri.indexOf('#');
        String base = hash >= 0 ? redirectUri.substring(0, hash) : redirectUri;
        return base + "#" + encoded(parameters);
    }

    /** Parameters in their order, without the absent ones. */
    static Map<String, String> of(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String encoded(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + AuthorizeParameters.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
