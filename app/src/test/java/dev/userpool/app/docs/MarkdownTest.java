package dev.userpool.app.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small Markdown reader the documentation tests rely on, and proof that the link check can fail. */
class MarkdownTest {

    @Test
    void anchorsFollowGitHub() {
        assertEquals("users-in-amazon-cognito-userpool_directorycognito",
                Markdown.slug("Users in Amazon Cognito (`USERPOOL_DIRECTORY=cognito`)"));
        assertEquals("local-only-doors-headers-and-the-data-directory",
                Markdown.slug("Local-only doors, headers and the data directory"));
        Markdown md = new Markdown("# Tests\n## Tests\n```sh\n# not a heading\n```\n");
        assertEquals(List.of("tests", "tests-1"), List.copyOf(md.anchors()));
    }

    @Test
    void readsRunnableBlocksAndIgnoresLinksInCode() {
        Markdown md = new Markdown("see [`a`](a.md#x) and `[no](b.md)`\n<!-- runnable -->\n```sh\necho [x](c.md)\n```\n"
                + "```java\nint i;\n```\n<!-- runnable: String password, Clock clock -->\n```java\nrun();\n```\n");
        assertEquals(List.of(new Markdown.Link("a.md#x", 1)), md.links());
        assertEquals(List.of(new Markdown.Link("docs/images/a.png", 1)),
                new Markdown("<img src=\"docs/images/a.png\" width=\"200\" alt=\"A\">\n").links());
        assertEquals(List.of(new Markdown.Block("sh", true, "", 4, "echo [x](c.md)\n"), new Markdown.Block("java", false, "", 7, "int i;\n"),
                new Markdown.Block("java", true, "String password, Clock clock", 11, "run();\n")), md.blocks());
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported(@TempDir Path dir) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), "# A\n## Here\n");
        Path file = docs.resolve("b.md");
        Files.writeString(file, "[ok](a.md#here) [gone](missing.md) [nowhere](a.md#there) [web](https://example.com/x)\n");
        List<String> broken = DocsLinksTest.brokenLinks(dir, file);
        assertEquals(List.of("docs/b.md:1: missing.md (no such file)", "docs/b.md:1: a.md#there (no heading with that anchor)"),
                broken);
    }
}
