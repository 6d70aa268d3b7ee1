package dev.userpool.srp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The library is plain JDK code, so any module may share it. */
class SrpArchitectureTest {
    @Test
    void dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.userpool.srp..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.userpool.srp..", "java..", "javax.crypto..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.userpool.srp"));
    }
}
