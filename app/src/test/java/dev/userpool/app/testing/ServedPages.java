package dev.userpool.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pages the server serves, found from the files rather than from a list the server keeps, so a page
 * added to either place is checked: the app's own pages ({@code pages/NAME.mustache}, served as
 * {@code /NAME.html} in the one layout {@code pages/layout.mustache}) and the static {@code .html} files
 * of {@code public/} (the {@code /wildrydes/} walk-through).
 */
public final class ServedPages {
    public static final String LAYOUT = "layout.mustache";

    private ServedPages() {}

    /** The app's own pages by name: {@code register} for {@code pages/register.mustache}, the layout left out. */
    public static List<String> appPageNames() {
        return files(folder("pages"), ".mustache").stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> !n.equals(LAYOUT))
                .map(n -> n.substring(0, n.length() - ".mustache".length()))
                .sorted().toList();
    }

    /** Every page's path on the server, without the leading slash: {@code register.html}, {@code wildrydes/signin.html}. */
    public static List<String> paths() {
        List<String> paths = new ArrayList<>();
        appPageNames().forEach(name -> paths.add(name + ".html"));
        Path root = folder("public");
        files(root, ".html").forEach(p -> paths.add(root.relativize(p).toString().replace('\\', '/')));
        return paths.stream().sorted().toList();
    }

    /** The text of every page's source — templates and the layout included — by its path under resources. */
    public static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : List.of("pages", "public")) {
            Path root = folder(name);
            for (Path file : files(root, name.equals("pages") ? ".mustache" : ".html")) {
                sources.put(name + "/" + root.relativize(file).toString().replace('\\', '/'), read(file));
            }
        }
        return sources;
    }

    private static Path folder(String name) {
        try {
            return Path.of(ServedPages.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
