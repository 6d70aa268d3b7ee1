package dev.userpool.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * docs/embedding.md (and the README's test example) show only code that is compiled and tested: each of
 * their Java blocks is an excerpt, line for line (indentation aside), of a source file under examples/. Its Maven blocks name only
 * artifacts the BOM manages.
 */
class EmbeddingGuideTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```\\s*$");

    private final Path root = Repository.root();
    private final String guide = Repository.read(root.resolve("docs/embedding.md"));
    private final String readme = Repository.read(root.resolve("README.md"));

    @Test
    void everyJavaBlockIsAnExcerptOfTheExamples() {
        List<List<String>> sources = Repository.javaFiles(root.resolve("examples")).stream()
                .filter(f -> f.toString().contains("/src/"))
                .map(f -> lines(Repository.read(f))).toList();
        List<String> blocks = new ArrayList<>(blocks(guide, "java"));
        assertThat(blocks).as("Java blocks in docs/embedding.md").hasSizeGreaterThanOrEqualTo(5);
        List<String> readmeBlocks = blocks(readme, "java");
        assertThat(readmeBlocks).as("the README's JUnit 5 example").isNotEmpty();
        blocks.addAll(readmeBlocks);

        for (String block : blocks) {
            List<String> excerpt = lines(block);
            assertThat(sources.stream().anyMatch(source -> contains(source, excerpt)))
                    .as("this block of docs/embedding.md or README.md occurs in no source under examples/:%n%s", block).isTrue();
        }
    }

    @Test
    void theExcerptCheckNoticesAChangedLine() {
        List<String> source = lines("int a = 1;\n    int b = 2;\nint c = 3;\n");

        assertThat(contains(source, lines("  int b = 2;\nint c = 3;"))).isTrue();
        assertThat(contains(source, lines("int b = 2;\nint c = 4;"))).isFalse();
        assertThat(contains(source, lines("int a = 1;\nint c = 3;"))).as("lines left out").isFalse();
    }

    @Test
    void everyArtifactInTheMavenBlocksIsUserpoolsOrTheBom() {
        Element bom = Repository.pom(root.resolve("bom/pom.xml")).getDocumentElement();
        Set<String> known = Repository.texts(bom, "dependencyManagement", "dependencies", "dependency", "artifactId")
                .stream().collect(Collectors.toSet());
        List<String> named = new ArrayList<>();
        for (String block : blocks(guide, "xml")) {
            Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(block);
            while (artifact.find()) named.add(artifact.group(1));
        }

        assertThat(named).contains("userpool-bom", "userpool-testing");
        assertThat(named).allMatch(a -> a.equals("userpool-bom") || known.contains(a));
    }

    private static List<String> blocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(markdown);
        while (fence.find()) {
            if (fence.group(1).equals(language)) blocks.add(fence.group(2));
        }
        return blocks;
    }

    /** The lines with their indentation and trailing blanks removed; blank lines kept, so a gap shows. */
    private static List<String> lines(String text) {
        List<String> lines = text.strip().lines().map(String::strip).toList();
        return lines;
    }

    private static boolean contains(List<String> source, List<String> excerpt) {
        return java.util.Collections.indexOfSubList(source, excerpt) >= 0;
    }
}
