package dev.userpool.app.http.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.samskivert.mustache.MustacheException;
import dev.userpool.app.testing.ServedPages;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The templates' safety rules, without a server: whatever value is put into a template arrives
 * HTML-escaped, no template can opt out of that, a misspelled name fails loudly instead of rendering
 * blank, and every page template is one the server serves.
 */
class PageTemplatesTest {
    private static final String HOSTILE = "\"><script>alert('x')</script><a href=\"";

    private final PageTemplates templates = new PageTemplates("/pages/");

    @Test
    void aValuePutIntoTheLayoutIsEscaped() {
        String html = templates.render("layout", AppPages.values(HOSTILE));

        assertThat(html).doesNotContain(HOSTILE).doesNotContain("<script>alert")
                .contains("<script src=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;a href&#x3D;&quot;.js\" defer>");
    }

    @Test
    void noTemplateOptsOutOfEscaping() {
        Map<String, String> sources = ServedPages.sources();
        assertThat(sources).containsKey("pages/" + ServedPages.LAYOUT);
        sources.forEach((name, text) -> {
            if (!name.endsWith(".mustache")) return;
            // {{{value}}} and {{&value}} would put a value in unescaped
            assertThat(text).as(name).doesNotContain("{{{").doesNotContain("{{&");
        });
    }

    @Test
    void aNameTheValuesDoNotHoldFailsInsteadOfRenderingBlank() {
        // as a misspelled {{#current.regster}} in the navigation would: the page fails, and everyPageRendersAndIsRenderedOnlyOnce with it
        assertThatThrownBy(() -> templates.render("layout", Map.of("page", "index", "current", Map.of())))
                .isInstanceOf(MustacheException.class).hasMessageContaining("current.index");
    }

    @Test
    void everyPageRendersAndIsRenderedOnlyOnce() {
        // pages render on first request: this is where a broken template shows, before any visitor sees it
        AppPages pages = new AppPages(templates);
        for (String name : AppPages.NAMES) {
            byte[] html = pages.html(name);
            assertThat(new String(html, StandardCharsets.UTF_8)).as(name).startsWith("<!doctype html>").contains("</html>");
            assertThat(pages.html(name)).as(name).isSameAs(html);
        }
    }

    @Test
    void everyPageTemplateIsServed() {
        assertThat(ServedPages.appPageNames()).containsExactlyInAnyOrderElementsOf(AppPages.NAMES);
    }
}
