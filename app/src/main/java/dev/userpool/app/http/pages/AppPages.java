package dev.userpool.app.http.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's own pages, each {@code pages/NAME.mustache} in the one layout ({@code pages/layout.mustache}),
 * served at {@code /NAME.html} (and the home page at {@code /}). They hold no per-visitor data, so each
 * is rendered once, here, at start-up: a request costs no template work. Their scripts, stylesheet and
 * icon stay static files in {@code public/}, as do the walk-through's {@code /wildrydes/} pages.
 */
public final class AppPages {
    /** Every page, by name; the layout's navigation marks the current one by the same name. */
    static final List<String> NAMES = List.of("index", "register", "verify", "verified", "signin", "reset", "ride",
            "admin", "mailbox");
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private final Map<String, byte[]> rendered = new LinkedHashMap<>();

    public AppPages() {
        this(new PageTemplates("/pages/"));
    }

    AppPages(PageTemplates templates) {
        for (String name : NAMES) {
            rendered.put(name, templates.render(name, values(name)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the layout is given: the page's name, and {@code current.NAME} true for this page only. */
    static Map<String, Object> values(String page) {
        Map<String, Boolean> current = new LinkedHashMap<>();
        for (String name : NAMES) current.put(name, name.equals(page));
        return Map.of("page", page, "current", current);
    }

    public void install(Javalin app) {
        install(app, "/", rendered.get("index"));
        rendered.forEach((name, html) -> install(app, "/" + name + ".html", html));
    }

    private static void install(Javalin app, String path, byte[] html) {
        app.get(path, ctx -> serve(ctx, html));
        app.head(path, ctx -> serve(ctx, html));   // as the static files answered HEAD; Jetty sends no body
    }

    private static void serve(Context ctx, byte[] html) {
        ctx.contentType(CONTENT_TYPE).result(html);
    }
}
