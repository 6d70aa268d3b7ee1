package dev.userpool.app.http.pages;

import java.util.Map;

/**
 * The managed login's pages (issue 15), {@code managed-login/NAME.mustache} in their own layout
 * ({@code managed-login/layout.mustache}; apart from {@code pages/}, which are all served at {@code /NAME.html}), rendered per request: unlike {@link AppPages} they carry the
 * visitor's authorization request, CSRF token and messages, every value HTML-escaped.
 */
public final class ManagedLoginTemplates {
    private final PageTemplates templates = new PageTemplates("/managed-login/");

    /** {@code NAME} with {@code values}; a value a template names and {@code values} lacks is an error. */
    public String render(String name, Map<String, ?> values) {
        return templates.render(name, values);
    }
}
