package dev.userpool.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.userpool.app.archfixture.ExitsTheProcess;
import dev.userpool.app.archfixture.PrintsToStandardOut;
import dev.userpool.app.config.archfixture.ConfigUsingEmbedded;
import dev.userpool.app.http.archfixture.HttpUsingInject;
import dev.userpool.app.http.archfixture.HttpUsingOutPort;
import dev.userpool.app.http.archfixture.HttpUsingService;
import dev.userpool.app.http.archfixture.HttpUsingSettings;
import dev.userpool.app.http.cognito.archfixture.CognitoApiUsingEmbedded;
import dev.userpool.cognito.archfixture.CognitoUsingDynamoDbSdk;
import dev.userpool.core.archfixture.CoreClassUsingJackson;
import dev.userpool.core.domain.archfixture.DomainUsingPort;
import dev.userpool.core.domain.archfixture.DomainUsingService;
import dev.userpool.core.event.archfixture.MutableEvent;
import dev.userpool.core.port.out.archfixture.PortAsClass;
import dev.userpool.embedded.archfixture.AdapterUsingAwsSdk;
import dev.userpool.embedded.archfixture.AdapterUsingJakartaMail;
import dev.userpool.embedded.archfixture.AdapterUsingUseCase;
import dev.userpool.ses.archfixture.SesAdapterUsingEmbedded;
import dev.userpool.smtp.archfixture.SmtpAdapterUsingEmbedded;
import dev.userpool.srp.archfixture.SrpUsingCore;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule holds over the production classes of all modules (imported from the class path, jars
 * included), and every rule fails on a class that breaks it, so none passes vacuously.
 */
class ArchitectureTest {
    /**
     * Test classes, the adapters' published test fixtures and userpool-testing (the fakes and the port
     * contracts, built on JUnit and AssertJ: its two packages, whether read from its jar or its module's
     * classes folder) are not production code.
     */
    private static final ImportOption PRODUCTION_ONLY = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar")
            && !location.contains("/dev/userpool/core/testing/")
            && !location.contains("/dev/userpool/core/contract/");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages("dev.userpool");
    }

    @Test
    void theImportSeesEveryModule() {
        assertThat(production.stream().map(c -> c.getName())).contains(
                "dev.userpool.core.service.RegistrationService",
                "dev.userpool.core.port.out.UserDirectory",
                "dev.userpool.embedded.SqliteUserDirectory",
                "dev.userpool.app.wiring.AppComponent",
                "dev.userpool.app.http.ApiServer",
                "dev.userpool.app.http.cognito.CognitoApi",
                "dev.userpool.app.http.oauth.OAuthEndpoints",
                "dev.userpool.core.service.AuthorizationServerService",
                "dev.userpool.srp.SrpServerSession",
                "dev.userpool.cognito.srp.SrpClient",
                "dev.userpool.smtp.SmtpTransport",
                "dev.userpool.embedded.OutboxDelivery");
        assertThat(production.stream().map(c -> c.getName())).noneMatch(n -> n.contains(".archfixture."));
        assertThat(production.stream().map(c -> c.getName())).as("userpool-testing is not production code")
                .noneMatch(n -> n.startsWith("dev.userpool.core.testing.") || n.startsWith("dev.userpool.core.contract."));
    }

    static Stream<Arguments> rulesAndTheirViolations() {
        return Stream.of(
                Arguments.of("core depends only on the JDK", ArchitectureRules.CORE_DEPENDS_ONLY_ON_JDK, CoreClassUsingJackson.class),
                Arguments.of("the domain does not see the use cases", ArchitectureRules.CORE_LAYERS_POINT_INWARD, DomainUsingService.class),
                Arguments.of("the domain does not see the ports", ArchitectureRules.CORE_LAYERS_POINT_INWARD, DomainUsingPort.class),
                Arguments.of("configuration knows no adapter", ArchitectureRules.CONFIG_KNOWS_NO_ADAPTER, ConfigUsingEmbedded.class),
                Arguments.of("adapters are independent", ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, SesAdapterUsingEmbedded.class),
                Arguments.of("the SMTP adapter is independent", ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, SmtpAdapterUsingEmbedded.class),
                Arguments.of("Jakarta Mail only in the SMTP adapter", ArchitectureRules.MAIL_API_ONLY_IN_THE_SMTP_ADAPTER, AdapterUsingJakartaMail.class),
                Arguments.of("the SRP library depends only on the JDK", ArchitectureRules.SRP_LIBRARY_DEPENDS_ONLY_ON_JDK, SrpUsingCore.class),
                Arguments.of("HTTP uses only the use cases", ArchitectureRules.HTTP_USES_ONLY_THE_USE_CASES, CognitoApiUsingEmbedded.class),
                Arguments.of("HTTP does not reach an out-port", ArchitectureRules.HTTP_USES_ONLY_THE_USE_CASES, HttpUsingOutPort.class),
                Arguments.of("HTTP does not reach a service", ArchitectureRules.HTTP_USES_ONLY_THE_USE_CASES, HttpUsingService.class),
                Arguments.of("HTTP does not read the app's settings", ArchitectureRules.HTTP_USES_ONLY_THE_USE_CASES, HttpUsingSettings.class),
                Arguments.of("the OAuth endpoints use only the use cases", ArchitectureRules.HTTP_USES_ONLY_THE_USE_CASES,
                        dev.userpool.app.http.oauth.archfixture.OAuthEndpointUsingCodeStore.class),
                Arguments.of("adapters do not use use cases", ArchitectureRules.ADAPTERS_DO_NOT_USE_USE_CASES, AdapterUsingUseCase.class),
                Arguments.of("AWS SDK only in AWS adapters", ArchitectureRules.AWS_SDK_ONLY_IN_ITS_ADAPTER, AdapterUsingAwsSdk.class),
                Arguments.of("each AWS SDK only in its adapter", ArchitectureRules.AWS_SDK_ONLY_IN_ITS_ADAPTER, CognitoUsingDynamoDbSdk.class),
                Arguments.of("Dagger only in wiring", ArchitectureRules.DAGGER_ONLY_IN_WIRING, HttpUsingInject.class),
                Arguments.of("out-ports are interfaces", ArchitectureRules.OUT_PORTS_ARE_INTERFACES, PortAsClass.class),
                Arguments.of("events are records", ArchitectureRules.EVENTS_ARE_RECORDS, MutableEvent.class),
                Arguments.of("nothing exits the process", ArchitectureRules.NOTHING_EXITS_THE_PROCESS, ExitsTheProcess.class),
                Arguments.of("nothing prints to standard streams", ArchitectureRules.NOTHING_PRINTS_TO_STANDARD_STREAMS, PrintsToStandardOut.class));
    }

    @ParameterizedTest(name = "{0} holds")
    @MethodSource("rulesAndTheirViolations")
    void ruleHoldsForProductionCode(String name, ArchRule rule, Class<?> violation) {
        rule.check(production);
    }

    @ParameterizedTest(name = "{0} fails on {2}")
    @MethodSource("rulesAndTheirViolations")
    void ruleFailsOnAViolatingClass(String name, ArchRule rule, Class<?> violation) {
        JavaClasses bad = new ClassFileImporter().importClasses(violation);
        assertThatThrownBy(() -> rule.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(violation.getSimpleName());
    }

    /** A rule whose {@code that()} matches nothing proves nothing, so it must fail rather than pass vacuously. */
    @ParameterizedTest(name = "{0} fails when it checks no class")
    @MethodSource("rulesAndTheirViolations")
    void ruleFailsWhenItChecksNoClass(String name, ArchRule rule, Class<?> violation) {
        JavaClasses none = new ClassFileImporter().importClasses(Object.class);
        assertThatThrownBy(() -> rule.check(none)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
