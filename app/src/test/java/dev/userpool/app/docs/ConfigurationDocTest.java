package dev.userpool.app.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.userpool.app.config.SettingsCatalog;
import dev.userpool.app.config.SettingsCatalog.Section;
import dev.userpool.app.config.SettingsCatalog.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md cannot drift from the code: every {@code USERPOOL_*} variable the app's sources
 * name is in {@link SettingsCatalog} (and nothing else is), and the page's tables are the catalogue
 * rendered. Run with {@code -Dconfiguration.write=true} to rewrite the tables after changing the catalogue.
 */
class ConfigurationDocTest {
    static final String BEGIN = "<!-- BEGIN GENERATED from SettingsCatalog by ConfigurationDocTest: edit the catalogue, not this -->";
    static final String END = "<!-- END GENERATED -->";
    static final String REGENERATE = "mvn -B -q -o -pl app -am -DskipITs -Dtest=ConfigurationDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dconfiguration.write=true verify";
    private static final Pattern NAME = Pattern.compile("\"(USERPOOL_[A-Z0-9_]+)\"");

    @Test
    void everyVariableTheAppReadsIsCatalogued() {
        Set<String> inSources = namesIn(DocFiles.root().resolve("app/src/main/java"));
        Set<String> catalogued = SettingsCatalog.all().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(SettingsCatalog.all().size(), catalogued.size(), "a variable is catalogued twice");
        Set<String> missing = new TreeSet<>(inSources);
        missing.removeAll(catalogued);
        Set<String> unused = new TreeSet<>(catalogued);
        unused.removeAll(inSources);
        assertTrue(missing.isEmpty(), "The app reads " + missing + ", which SettingsCatalog does not list: add each"
                + " with its default, allowed values and meaning, then regenerate docs/configuration.md: " + REGENERATE);
        assertTrue(unused.isEmpty(), "SettingsCatalog lists " + unused + ", which no source in app/src/main/java names");
    }

    @Test
    void configurationPageShowsTheCatalogue() throws IOException {
        Path page = DocFiles.root().resolve("docs/configuration.md");
        String text = Files.readString(page);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/configuration.md lost its markers " + BEGIN + " … " + END);
        String current = text.substring(begin + BEGIN.length(), end);
        String rendered = "\n" + render(SettingsCatalog.sections()) + "\n";
        if (current.equals(rendered)) return;
        if (Boolean.getBoolean("configuration.write")) {
            Files.writeString(page, text.substring(0, begin + BEGIN.length()) + rendered + text.substring(end));
            return;
        }
        fail("docs/configuration.md differs from SettingsCatalog at " + firstDifference(current, rendered)
                + "\nRegenerate it with: " + REGENERATE);
    }

    /** The tables, one per section. */
    static String render(List<Section> sections) {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            if (out.length() > 0) out.append('\n');
            out.append("### ").append(section.title()).append("\n\n").append(section.intro()).append("\n\n");
            out.append("| variable | default | allowed values | meaning |\n| --- | --- | --- | --- |\n");
            for (Setting s : SettingsCatalog.in(section)) {
                out.append("| `").append(s.name()).append("` | ").append(cell(s.defaultText())).append(" | ")
                        .append(cell(s.allowedText())).append(" | ").append(cell(s.description())).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        if (text.contains("|") || text.contains("\n")) throw new IllegalArgumentException("not a table cell: " + text);
        return text;
    }

    static Set<String> namesIn(Path sources) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            // the catalogue itself names them all; the settings classes are what must agree with it
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("SettingsCatalog.java")).toList()) {
                Matcher m = NAME.matcher(Files.readString(file));
                while (m.find()) names.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String firstDifference(String current, String rendered) {
        String[] a = current.split("\n", -1);
        String[] b = rendered.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(nothing)";
            String y = i < b.length ? b[i] : "(nothing)";
            if (!x.equals(y)) return "line " + (i + 1) + " of the generated part:\n  page:      " + x + "\n  catalogue: " + y;
        }
        return "the line ends";
    }
}
