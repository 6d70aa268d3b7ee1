package dev.userpool.app.http.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's own pages, each {@code pages/NAME.mustache} in the one layout ({@code pages/layout.mustache}),
 * served at {@code /NAME.html} (and the home page at {@code /}). They hold no per-visitor data, so each
 * is rendered once, on its first request, and kept: start-up loads no template engine (the app should
 * be up in well under a second), and later requests cost no template work. Their scripts, stylesheet
 * and icon stay static files in {@code public/}, as do the walk-through's {@code /wildrydes/} pages.
 */
public final class AppPages {
    /** Every page, by name; the layout's navigation marks the current one by the same name. */
    static final List<String> NAMES = List.of("index", "register", "verify", "verified", "signin", "reset", "ride",
            "admin", "mailbox", "profile", "email");
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private final PageTemplates templates;
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    public AppPages() {
        this(new PageTemplates("/pages/"));
    }

    AppPages(PageTemplates templates) {
        this.templates = templates;
    }

    /** What the layout is given: the page's name, and {@code current.NAME} true for this page only. */
    static Map<String, Object> values(String page) {
        Map<String, Boolean> current = new LinkedHashMap<>();
        for (String name : NAMES) current.put(name, name.equals(page));
        return Map.of("page", page, "current", current);
    }

    public void install(Javalin app) {
        install(app, "/", "index");
        for (String name : NAMES) install(app, "/" + name + ".html", name);
    }

    /** {@code name} as the browser gets it. */
    byte[] html(String name) {
        return rendered.computeIfAbsent(name, n -> templates.render(n, values(n)).getBytes(StandardCharsets.UTF_8));
    }

    private void install(Javalin app, String path, String name) {
        app.get(path, ctx -> serve(ctx, name));
        app.head(path, ctx -> serve(ctx, name));   // as the static files answered HEAD; Jetty sends no body
    }

    private void serve(Context ctx, String name) {
        ctx.contentType(CONTENT_TYPE).result(html(name));
    }
}
