package dev.userpool.app.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java block marked {@code <!-- runnable -->} in the docs compiles against the app's test class
 * path (userpool's modules and the AWS SDK): its statements become a method's body, whose parameters are
 * what the marker says the snippet is given ({@code <!-- runnable: String password -->}). Compiled, not
 * run: they talk to a server at a fixed address.
 */
class DocJavaSnippetsTest {
    /** What a snippet may use without importing it: the JDK's basics, the AWS SDK's Cognito client, userpool's SRP client. */
    static final List<String> IMPORTS = List.of("java.net.*", "java.time.*", "java.util.*",
            "software.amazon.awssdk.auth.credentials.*", "software.amazon.awssdk.regions.*",
            "software.amazon.awssdk.services.cognitoidentityprovider.*",
            "software.amazon.awssdk.services.cognitoidentityprovider.model.*", "dev.userpool.cognito.srp.*");

    @TestFactory
    Stream<DynamicTest> everyRunnableJavaSnippetCompiles() {
        List<DocSnippets.Snippet> snippets = DocSnippets.marked("java");
        assertFalse(snippets.isEmpty(), "no Java snippet is marked <!-- runnable --> in the docs");
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> {
            List<String> errors = compile(s.block().given(), s.block().text(), s.block().line());
            assertTrue(errors.isEmpty(), s.where() + " does not compile:\n  " + String.join("\n  ", errors));
        }));
    }

    @Test
    void aSnippetThatDoesNotCompileIsReportedAtItsLine() {
        List<String> errors = compile("String password", "int fine = 1;\nint broken = password;\n", 40);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("line 41: "), errors.toString());
        assertEquals(List.of(), compile("String password", "Objects.requireNonNull(password);\n", 1));
    }

    /** The compiler's errors, each with its line in the document; none when it compiles. */
    static List<String> compile(String given, String statements, int firstLine) {
        String prelude = IMPORTS.stream().map(i -> "import " + i + ";\n").collect(Collectors.joining())
                + "class Snippet {\n  static void run(" + given + ") throws Exception {\n";
        String source = prelude + statements + "  }\n}\n";
        int offset = (int) prelude.chars().filter(c -> c == '\n').count();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = tempDir();
        List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none", "-nowarn");
        javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + (d.getLineNumber() - offset - 1 + firstLine) + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }

    /** Surefire names the test class path here; its own class path may be a single manifest jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("userpool-snippet-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
