package dev.userpool.app.http.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.app.testing.ServedPages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every one of the app's pages is served in the one layout: the same header and navigation — the very
 * block of {@code pages/layout.mustache} — with the current page marked, the same footer, a title
 * "… · Wild Rydes", and its own script; at the URLs that served the static pages before (query strings
 * and {@code HEAD} included). The {@code /wildrydes/} walk-through pages keep their own files.
 */
class OneLayoutPagesTest {
    private static final Pattern HEADER = Pattern.compile("<header class=\"site-header\">.*?</header>", Pattern.DOTALL);
    private static final Pattern FOOTER = Pattern.compile("<footer class=\"site-footer\">.*?</footer>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title>[^<>·]+ · Wild Rydes</title>");
    private static final Pattern CURRENT_MARK = Pattern.compile("\\{\\{#current\\.(\\w+)}}( aria-current=\"page\")\\{\\{/current\\.\\1}}");
    private static final String CURRENT = " aria-current=\"page\"";

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
    void everyPageHasTheLayoutsNavigationWithItselfMarked() {
        String layoutHeader = find(HEADER, resource("/pages/layout.mustache"));
        String navigation = CURRENT_MARK.matcher(layoutHeader).replaceAll("");
        List<String> names = ServedPages.appPageNames();
        assertThat(names).contains("index", "register", "signin", "admin", "mailbox", "reset", "verified");

        for (String name : names) {
            Response page = api.get("/" + name + ".html");
            assertThat(page.status()).as(name).isEqualTo(200);
            assertThat(page.contentType().replace(" ", "").toLowerCase(Locale.ROOT)).as(name).isEqualTo("text/html;charset=utf-8");
            String header = find(HEADER, page.text());
            assertThat(header.replace(CURRENT, "")).as(name).isEqualTo(navigation);
            // the layout's own mark for this page, and no other: what a screen reader announces as "current page"
            String expected = CURRENT_MARK.matcher(layoutHeader)
                    .replaceAll(m -> m.group(1).equals(name) ? Matcher.quoteReplacement(m.group(2)) : "");
            assertThat(header).as(name).isEqualTo(expected);
            assertThat(find(FOOTER, page.text())).as(name).isEqualTo(find(FOOTER, resource("/pages/layout.mustache")));
            assertThat(page.text()).as(name).containsPattern(TITLE).contains("<script src=\"" + name + ".js\" defer></script>")
                    .doesNotContain("{{").doesNotContain("}}");
        }
        assertThat(find(HEADER, api.get("/signin.html").text())).contains("<a href=\"signin.html\"" + CURRENT + ">Sign in</a>");
        assertThat(find(HEADER, api.get("/reset.html").text())).doesNotContain(CURRENT);
    }

    @Test
    void theHomePageIsServedAtTheRootToo() {
        Response root = api.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.text()).isEqualTo(api.get("/index.html").text()).contains("<title>Home · Wild Rydes</title>");
    }

    @Test
    void theAddressesThePagesAreLinkedWithStillWork() {
        // verification links land on verified.html?email=…, SES on ?failed=1; the pages' scripts read them
        for (String path : List.of("/verified.html?email=someone%40example.com", "/verified.html?failed=1",
                "/verify.html?email=someone%40example.com", "/admin.html/")) {
            Response page = api.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.text()).as(path).contains("<header class=\"site-header\">");
        }
        Response head = api.send(HttpRequest.newBuilder(app.url("/register.html")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/html");
        assertThat(api.get("/no-such-page.html").status()).isEqualTo(404);
    }

    @Test
    void theWalkThroughPagesAreServedAsTheyAre() {
        for (String page : List.of("index.html", "signin.html", "register.html")) {
            Response served = api.get("/wildrydes/" + page);
            assertThat(served.status()).as(page).isEqualTo(200);
            assertThat(served.text()).as(page).isEqualTo(resource("/public/wildrydes/" + page));
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group();
    }

    private static String resource(String path) {
        try (InputStream in = OneLayoutPagesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
