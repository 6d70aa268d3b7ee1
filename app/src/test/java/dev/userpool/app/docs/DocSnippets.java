package dev.userpool.app.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced blocks marked {@code <!-- runnable -->} in README.md and docs/*.md, in document order. */
final class DocSnippets {
    private DocSnippets() {}

    /** One marked block, and where it is: file and line, for the message of a failure. */
    record Snippet(Path file, Markdown.Block block) {
        String where() {
            return DocFiles.name(file) + ":" + block.line();
        }
    }

    static List<Snippet> marked(String language) {
        List<Snippet> snippets = new ArrayList<>();
        for (Path file : DocFiles.all()) {
            for (Markdown.Block block : new Markdown(DocFiles.read(file)).blocks()) {
                if (block.runnable() && block.language().equals(language)) snippets.add(new Snippet(file, block));
            }
        }
        return snippets;
    }
}
