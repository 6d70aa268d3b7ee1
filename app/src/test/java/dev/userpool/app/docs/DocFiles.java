package dev.userpool.app.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's documentation as the tests read it: README.md and every docs/*.md. */
final class DocFiles {
    private DocFiles() {}

    /** The repository root: surefire runs in the module directory, {@code app/}. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))
                    && Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("app"))) {
                return p;
            }
        }
        throw new IllegalStateException("No repository root (README.md, docs/, app/) above " + dir);
    }

    static Path readme() {
        return root().resolve("README.md");
    }

    /** README.md first, then docs/*.md by name. */
    static List<Path> all() {
        List<Path> files = new ArrayList<>();
        files.add(readme());
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path as people know it, e.g. {@code docs/api.md}. */
    static String name(Path file) {
        return root().relativize(file).toString();
    }
}
