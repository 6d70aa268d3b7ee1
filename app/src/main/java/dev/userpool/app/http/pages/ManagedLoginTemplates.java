package dev.userpool.app.http.pages;

import java.util.Map;

/**
 * The managed login's pages (issue 15), {@code pages/managed/NAME.mustache} in their own layout
 * ({@code pages/managed/layout.mustache}), rendered per request: unlike {@link AppPages} they carry the
 * visitor's authorization request, CSRF token and messages, every value HTML-escaped.
 */
public final class ManagedLoginTemplates {
    private final PageTemplates templates = new PageTemplates("/pages/");

    /** {@code managed/NAME} with {@code values}; a value a template names and {@code values} lacks is an error. */
    public String render(String name, Map<String, ?> values) {
        return templates.render("managed/" + name, values);
    }
}
