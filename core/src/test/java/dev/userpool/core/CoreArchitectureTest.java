package dev.userpool.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.userpool.core.fixture.CoreClassThatUsesJndi;
import dev.userpool.core.service.RegistrationService;
import org.junit.jupiter.api.Test;

/** The core is plain Java: it depends on the JDK's {@code java..} packages and on itself, nothing else. */
class CoreArchitectureTest {
    static final ArchRule CORE_DEPENDS_ON_JDK_ONLY = classes()
            .that().resideInAPackage("dev.userpool.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.userpool.core..")
            .because("the core holds no framework and no SDK (DESIGN §3)");

    @Test
    void theCoreDependsOnTheJdkOnly() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.userpool.core");

        assertThat(core.contain(RegistrationService.class)).isTrue();
        assertThat(core.containPackage("dev.userpool.core.fixture")).as("test fixtures are not imported").isFalse();
        CORE_DEPENDS_ON_JDK_ONLY.check(core);
    }

    @Test
    void theRuleCatchesACoreClassThatUsesSomethingElse() {
        JavaClasses violating = new ClassFileImporter().importClasses(CoreClassThatUsesJndi.class);

        assertThatThrownBy(() -> CORE_DEPENDS_ON_JDK_ONLY.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("javax.naming.Name");
    }
}
