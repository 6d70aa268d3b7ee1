package dev.userpool.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** userpool-bom pins every artifact the build installs, and nothing else. */
class BomTest {
    private final Path root = Repository.root();
    private final Element parent = Repository.pom(root.resolve("pom.xml")).getDocumentElement();
    private final Element bom = Repository.pom(root.resolve("bom/pom.xml")).getDocumentElement();

    @Test
    void theBomListsEveryInstalledArtifactOfTheBuild() {
        Set<String> published = new HashSet<>();
        for (String module : Repository.texts(parent, "modules", "module")) {
            if (module.equals("bom") || module.equals("examples")) continue;   // the BOM itself; examples are never installed
            Element pom = Repository.pom(root.resolve(module).resolve("pom.xml")).getDocumentElement();
            String artifactId = Repository.texts(pom, "artifactId").get(0);
            // an aggregate or a distribution is no library; a module that skips install publishes nothing
            if (Repository.texts(pom, "packaging").contains("pom")) continue;
            if (Repository.texts(pom, "properties", "maven.install.skip").contains("true")) continue;
            published.add(artifactId + ":jar");
            if (Repository.texts(pom, "build", "plugins", "plugin", "executions", "execution", "goals", "goal").contains("test-jar")) {
                published.add(artifactId + ":test-jar");
            }
        }

        assertThat(published).contains("core:jar", "userpool-testing:jar", "adapters-embedded:jar", "app:jar");
        assertThat(managed()).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void theBomPinsOnlyUserpoolAtTheBuildsVersion() {
        assertThat(Repository.children(bom, "parent")).as("a parent would bring its third-party versions along").isEmpty();
        assertThat(Repository.texts(bom, "version")).isEqualTo(Repository.texts(parent, "version"));
        assertThat(Repository.texts(bom, "dependencyManagement", "dependencies", "dependency", "groupId")).isNotEmpty()
                .allMatch("dev.userpool"::equals);
        assertThat(Repository.texts(bom, "dependencyManagement", "dependencies", "dependency", "version")).isNotEmpty()
                .allMatch("${project.version}"::equals);
    }

    private List<String> managed() {
        List<String> managed = new ArrayList<>();
        for (Element dependency : Repository.children(Repository.children(Repository.children(bom, "dependencyManagement").get(0),
                "dependencies").get(0), "dependency")) {
            List<String> type = Repository.texts(dependency, "type");
            managed.add(Repository.texts(dependency, "artifactId").get(0) + ":" + (type.isEmpty() ? "jar" : type.get(0)));
        }
        return managed;
    }
}
