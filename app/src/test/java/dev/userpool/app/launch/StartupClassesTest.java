package dev.userpool.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The list of the classes a start loads ahead of need (StartupClasses) fits the jar: every class it
 * names from the jar's libraries and the app exists, but for a few renamed since (at most 2 %; the JDK's
 * own may differ between JDK builds and are not checked), none twice. When this fails after a change of dependencies, run
 * {@code bench/startup-classes.sh} on the built jar and build again.
 */
class StartupClassesTest {

    @Test
    void everyListedClassOutsideTheJdkExists() throws IOException {
        List<String> names = listed();
        assertThat(names).hasSizeGreaterThan(1000).doesNotHaveDuplicates();
        Set<String> jdkPackages = ModuleLayer.boot().modules().stream().flatMap(m -> m.getPackages().stream())
                .collect(Collectors.toSet());
        List<String> missing = names.stream()
                .filter(name -> !jdkPackages.contains(name.substring(0, Math.max(0, name.lastIndexOf('.')))))
                .filter(name -> StartupClassesTest.class.getClassLoader().getResource(name.replace('.', '/') + ".class") == null)
                .toList();
        // A renamed class or two only costs the start-up their own loading; past 2 % the list has gone stale.
        assertThat(missing.size()).as("classes in %s that the jar no longer has (%s): run bench/startup-classes.sh on the built jar",
                StartupClasses.LIST, missing).isLessThanOrEqualTo(names.size() / 50);
    }

    @Test
    void theListedClassesLoadWithoutRunningTheirInitialisers() {
        assertThat(StartupClasses.loadListed()).isGreaterThan(listedCount() * 9 / 10);
    }

    private static int listedCount() {
        try {
            return listed().size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> listed() throws IOException {
        try (InputStream in = StartupClasses.class.getResourceAsStream(StartupClasses.LIST)) {
            assertThat(in).as(StartupClasses.LIST).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
        }
    }
}
