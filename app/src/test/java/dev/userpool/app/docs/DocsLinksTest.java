package dev.userpool.app.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README stays a front door, and no relative link in README.md or docs/*.md leads nowhere. */
class DocsLinksTest {
    /** The issue's limit for the README: what it is, the two commands, a tour, the module map, links. */
    static final int README_LIMIT_BYTES = 15_000;

    @Test
    void readmeIsUnderFifteenKilobytes() {
        int size = DocFiles.read(DocFiles.readme()).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(size < README_LIMIT_BYTES, "README.md is " + size + " bytes, the limit is " + README_LIMIT_BYTES
                + ": move detail into docs/ and link it");
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndHeading() {
        List<String> broken = new ArrayList<>();
        for (Path file : DocFiles.all()) broken.addAll(brokenLinks(DocFiles.root(), file));
        assertTrue(broken.isEmpty(), "Broken links:\n  " + String.join("\n  ", broken));
    }

    /** Each broken relative link in {@code file}, as "file:line: target (why)", file names relative to {@code root}. */
    static List<String> brokenLinks(Path root, Path file) {
        List<String> broken = new ArrayList<>();
        Markdown md = new Markdown(DocFiles.read(file));
        for (Markdown.Link link : md.links()) {
            String target = link.target();
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) continue;   // http:, https:, mailto: — not ours to check
            String where = root.relativize(file) + ":" + link.line() + ": " + target;
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
            if (!Files.exists(resolved)) {
                broken.add(where + " (no such file)");
                continue;
            }
            if (anchor != null && resolved.toString().endsWith(".md")
                    && !new Markdown(DocFiles.read(resolved)).anchors().contains(anchor)) {
                broken.add(where + " (no heading with that anchor)");
            }
        }
        return broken;
    }
}
