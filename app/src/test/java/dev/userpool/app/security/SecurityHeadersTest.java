package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.app.testing.ServedPages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page is sent with a Content-Security-Policy as tight as the pages allow — nothing but this
 * server's own scripts, styles, images and API, no inline code, no plugins, no {@code <base>}, forms
 * only to this server, and never inside a frame — with {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer}; the admin and mailbox pages also say {@code X-Frame-Options:
 * DENY} for browsers that predate {@code frame-ancestors}. The pages themselves hold no inline script,
 * style or event handler, so the policy breaks nothing (the Chromium tests in {@code browser} and
 * {@code localpool} run the pages with it).
 *
 * <p>Observed against the code before the fix (commit 6e938da): {@code everyPageIsSentWithThePolicy}
 * and {@code theAdminAndMailboxPagesCannotBeFramed} failed — no page had a {@code Content-Security-Policy}
 * header (only a {@code <meta>} policy, which cannot say {@code frame-ancestors}, so every page could be
 * framed) and none had {@code X-Frame-Options}; the other two tests passed already.
 */
class SecurityHeadersTest {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    private static RunningApp app;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of());
        api = new ApiClient(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void everyPageIsSentWithThePolicy() throws Exception {
        List<String> paths = new ArrayList<>(ServedPages.paths().stream().map(p -> "/" + p).toList());
        paths.addAll(List.of("/", "/wildrydes/"));
        assertThat(paths).contains("/admin.html", "/mailbox.html", "/wildrydes/signin.html");
        for (String path : paths) {
            Response page = api.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            Map<String, String> csp = policy(page, path);
            assertThat(csp).as(path).containsEntry("default-src", "'none'")
                    .containsEntry("script-src", "'self'")
                    .containsEntry("style-src", "'self'")
                    .containsEntry("img-src", "'self'")
                    .containsEntry("connect-src", "'self'")
                    .containsEntry("base-uri", "'none'")
                    .containsEntry("form-action", "'self'")
                    .containsEntry("frame-ancestors", "'none'");
            assertThat(csp.values()).as(path).noneMatch(v -> v.contains("unsafe") || v.contains("*") || v.contains("data:")
                    || v.contains("http:") || v.contains("https:"));
            assertThat(header(page, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(page, "Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void theAdminAndMailboxPagesCannotBeFramed() {
        for (String path : List.of("/admin.html", "/mailbox.html")) {
            Response page = api.get(path);
            assertThat(header(page, "X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(policy(page, path)).as(path).containsEntry("frame-ancestors", "'none'");
        }
    }

    @Test
    void apiAnswersAndErrorsAreNotSniffed() {
        for (Response r : List.of(api.get("/health"), api.get("/api/me"), api.get("/no-such-page.html"),
                api.post("/api/signin", "{not json"))) {
            assertThat(header(r, "X-Content-Type-Options")).as(r.raw().uri().toString()).isEqualTo("nosniff");
            assertThat(header(r, "Referrer-Policy")).as(r.raw().uri().toString()).isEqualTo("no-referrer");
        }
    }

    @Test
    void thePagesHoldNoInlineCodeThePolicyWouldBlock() {
        Map<String, String> sources = ServedPages.sources();
        assertThat(sources).containsKeys("pages/layout.mustache", "pages/admin.mustache", "public/wildrydes/signin.html");
        sources.forEach((name, text) -> {
            assertThat(INLINE_SCRIPT.matcher(text).find()).as(name + ": inline <script>").isFalse();
            assertThat(INLINE_STYLE.matcher(text).find()).as(name + ": inline style").isFalse();
            assertThat(EVENT_HANDLER.matcher(text).find()).as(name + ": on…= handler").isFalse();
            assertThat(SCRIPT_URL.matcher(text).find()).as(name + ": javascript: URL").isFalse();
        });
    }

    private static Map<String, String> policy(Response page, String path) {
        String header = header(page, "Content-Security-Policy");
        assertThat(header).as(path + " Content-Security-Policy").isNotNull();
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : header.split(";")) {
            String[] parts = directive.strip().split("\\s+", 2);
            if (!parts[0].isEmpty()) directives.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
        }
        return directives;
    }

    private static String header(Response r, String name) {
        return r.raw().headers().firstValue(name).orElse(null);
    }
}
