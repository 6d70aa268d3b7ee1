package dev.userpool.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** The shape of userpool (DESIGN §3–4), as rules over the compiled classes of every module. */
final class ArchitectureRules {
    private ArchitectureRules() {}

    static final String[] ADAPTERS = {"dev.userpool.embedded..", "dev.userpool.cognito..", "dev.userpool.ses..",
            "dev.userpool.dynamodb..", "dev.userpool.smtp.."};

    static final ArchRule CORE_DEPENDS_ONLY_ON_JDK = classes().that().resideInAPackage("dev.userpool.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.userpool.core..", "java..")
            .because("the core is plain Java that any service can embed");

    /**
     * The layers inside the core, innermost first: {@code domain ← event ← port ← service}. Each layer may
     * use the layers before it and never one after it, so the domain never sees an audit event, a port or a
     * service, and a port never sees the services that implement the in-ports. (Events are facts about the
     * domain: its transitions name what happened, an {@code AuditEventType} of the domain's own, and the
     * audit event adds who, when and how it ended; ports speak in domain values and events.) Dependencies
     * outside the core are {@link #CORE_DEPENDS_ONLY_ON_JDK}'s business.
     */
    static final ArchRule CORE_LAYERS_POINT_INWARD = coreLayers("domain", "event", "port", "service");

    /**
     * Cognito's SRP arithmetic, shared by the SRP client (adapters-cognito) and the embedded pool's
     * server side: a library any module may use, so it uses nothing of userpool's (adapters depending on
     * it stay independent of each other).
     */
    static final ArchRule SRP_LIBRARY_DEPENDS_ONLY_ON_JDK = classes().that().resideInAPackage("dev.userpool.srp..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.userpool.srp..", "java..", "javax.crypto..")
            .because("the SRP library is shared by adapters that must not depend on each other");

    /**
     * What the HTTP adapter — the REST API and the Cognito user-pool API alike — may use: the core's
     * use cases ({@code port.in}) and the values they speak in ({@code domain}, {@code event} for the
     * audit queries), its own packages, the web stack (with JMustache for the pages' one layout) and the
     * JDK — not even the app's settings: the wiring turns those into the HTTP layer's own
     * ({@code CallerNetworks}, {@code PoolApiSettings}). Never an adapter, a service or an out-port, so
     * every request is a use case with its audit event and limits. (The wiring hands it what only the
     * embedded pool can serve, behind app interfaces.)
     */
    static final String[] HTTP_MAY_USE_OF_USERPOOL = {"dev.userpool.app.http..", "dev.userpool.core.port.in..",
            "dev.userpool.core.domain..", "dev.userpool.core.event.."};

    static final ArchRule HTTP_USES_ONLY_THE_USE_CASES = CompositeArchRule
            .of(classes().that().resideInAPackage("dev.userpool.app.http..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(concat(HTTP_MAY_USE_OF_USERPOOL,
                            "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "com.fasterxml.jackson..",
                            "io.micrometer..", "com.samskivert.mustache..", "org.slf4j..", "java..", "javax.crypto..",
                            // issue 14: the QR code of an authenticator app's otpauth:// URI (QrCodes), drawn as a PNG
                            "com.google.zxing..", "javax.imageio..")))
            // and nothing it reaches through those leads out of them (say, a port.in type exposing a port.out)
            .and(noClasses().that().resideInAPackage("dev.userpool.app.http..")
                    .should().transitivelyDependOnClassesThat(DescribedPredicate.describe(
                            "are userpool classes outside " + String.join(", ", HTTP_MAY_USE_OF_USERPOOL),
                            c -> inPackage(c, "dev.userpool") && Arrays.stream(HTTP_MAY_USE_OF_USERPOOL)
                                    .noneMatch(allowed -> inPackage(c, allowed.replace("..", ""))))))
            .because("every request is a use case, with its audit event and limits");

    /**
     * {@code app.config} reads the environment into plain settings records; the wiring turns them into
     * each adapter's own settings. So the HTTP adapter, which reads some settings, reaches no adapter
     * through them, and an adapter's settings class can change without touching configuration.
     */
    static final ArchRule CONFIG_KNOWS_NO_ADAPTER = noClasses().that().resideInAPackage("dev.userpool.app.config..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("configuration holds plain settings; the wiring turns them into adapter settings");

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = adaptersIndependent();

    static final ArchRule ADAPTERS_DO_NOT_USE_USE_CASES = noClasses().that().resideInAnyPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage("dev.userpool.core.service..")
            .because("adapters serve the ports; they never drive the use cases");

    static final ArchRule AWS_SDK_ONLY_IN_ITS_ADAPTER = awsSdkConfined();

    /** Jakarta Mail (and Angus, its implementation) belongs to the SMTP adapter; the outbox speaks the core's MailTransport. */
    static final ArchRule MAIL_API_ONLY_IN_THE_SMTP_ADAPTER = noClasses().that().resideInAPackage("dev.userpool..")
            .and().resideOutsideOfPackage("dev.userpool.smtp..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
            .because("the outbox and the wiring hand messages to a MailTransport, whatever carries them");

    static final ArchRule DAGGER_ONLY_IN_WIRING = noClasses().that().resideOutsideOfPackage("dev.userpool.app.wiring..")
            .and().resideInAPackage("dev.userpool..")
            .should().dependOnClassesThat().resideInAnyPackage("dagger..", "javax.inject..")
            .because("core and adapters are plain Java built with constructors; only the wiring knows Dagger");

    static final ArchRule OUT_PORTS_ARE_INTERFACES = classes().that().resideInAPackage("dev.userpool.core.port.out..")
            .and().areTopLevelClasses()
            .should().beInterfaces()
            .because("a port says what the core needs; adapters decide how");

    static final ArchRule EVENTS_ARE_RECORDS = classes().that().resideInAPackage("dev.userpool.core.event..")
            .and().areNotInterfaces().and().areNotEnums()
            .and().areNotAnonymousClasses().and().doNotHaveModifier(JavaModifier.SYNTHETIC)   // the compiler's switch maps
            .should().beAssignableTo(Record.class)
            .because("audit events are immutable facts");

    static final ArchRule NOTHING_EXITS_THE_PROCESS = noClasses().that().resideInAPackage("dev.userpool..")
            .and().doNotHaveFullyQualifiedName("dev.userpool.app.Main")
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .because("only the entry point decides the exit code; a library must never end its host");

    static final ArchRule NOTHING_PRINTS_TO_STANDARD_STREAMS = noClasses().that().resideInAPackage("dev.userpool..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("output goes through SLF4J (or picocli's writers), where secrets are kept out");

    private static String[] concat(String[] packages, String... more) {
        String[] all = Arrays.copyOf(packages, packages.length + more.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }

    /**
     * One rule over the whole core (so it never checks an empty set): no class depends on a core layer
     * further out than its own.
     */
    private static ArchRule coreLayers(String... innermostFirst) {
        List<String> layers = List.of(innermostFirst);
        ToIntFunction<JavaClass> layerOf = c -> {
            for (int i = 0; i < layers.size(); i++) {
                if (inPackage(c, "dev.userpool.core." + layers.get(i))) return i;
            }
            return -1;   // outside the core's layers: not this rule's business
        };
        return classes().that().resideInAPackage("dev.userpool.core..")
                .should(dependOnNothing("of a core layer further out than their own",
                        (origin, target) -> layerOf.applyAsInt(target) > layerOf.applyAsInt(origin)))
                .because("dependencies inside the core point inward: " + String.join(" ← ", layers));
    }

    /** A condition that reports every direct dependency of a class whose target is forbidden for that class. */
    private static ArchCondition<JavaClass> dependOnNothing(String what, BiPredicate<JavaClass, JavaClass> forbidden) {
        return new ArchCondition<>("depend on nothing " + what) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    if (forbidden.test(origin, dependency.getTargetClass())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Whether a class resides in the package or below it. */
    private static boolean inPackage(JavaClass c, String pkg) {
        String name = c.getPackageName();
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }

    /** One rule over every adapter (so it never checks an empty set): no class uses another adapter's package. */
    private static ArchRule adaptersIndependent() {
        Function<JavaClass, String> adapterOf = c -> Arrays.stream(ADAPTERS).map(a -> a.replace("..", ""))
                .filter(a -> inPackage(c, a)).findFirst().orElse(null);
        return classes().that().resideInAnyPackage(ADAPTERS)
                .should(dependOnNothing("of another adapter", (origin, target) -> {
                    String targetAdapter = adapterOf.apply(target);
                    return targetAdapter != null && !targetAdapter.equals(adapterOf.apply(origin));
                }))
                .because("adapters are swapped one at a time, so none may lean on another");
    }

    /**
     * One rule over all of userpool: the AWS SDK is used only by the wiring (any service) and by the
     * Cognito, SES and DynamoDB adapters, each of which may use the SDK's shared parts and its own
     * service's client, but no other service's.
     */
    private static ArchRule awsSdkConfined() {
        Map<String, String> ownServiceOfAdapter = Map.of(
                "dev.userpool.cognito", "software.amazon.awssdk.services.cognitoidentityprovider",
                "dev.userpool.ses", "software.amazon.awssdk.services.sesv2",
                "dev.userpool.dynamodb", "software.amazon.awssdk.services.dynamodb");
        return classes().that().resideInAPackage("dev.userpool..")
                .should(dependOnNothing("of the AWS SDK that is not theirs to use", (origin, target) -> {
                    if (!inPackage(target, "software.amazon.awssdk") || inPackage(origin, "dev.userpool.app.wiring")) {
                        return false;
                    }
                    return ownServiceOfAdapter.entrySet().stream().filter(e -> inPackage(origin, e.getKey())).findFirst()
                            .map(e -> inPackage(target, "software.amazon.awssdk.services") && !inPackage(target, e.getValue()))
                            .orElse(true);   // not an AWS adapter: no SDK at all
                }))
                .because("each AWS service's SDK belongs to its own adapter (and the wiring that builds it)");
    }
}
