package io.adtarget.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the hexagon that Maven's module graph cannot give (conventions.md, rule 1), checked on the main
 * classes of every module: bootstrap depends on all of them, so its test class path sees them all. What the module
 * graph already forbids (the domain importing a library, one adapter importing another, anyone importing bootstrap)
 * is not repeated here. Each rule is also shown to reject a violating fixture ({@code ArchitectureRulesRejectTest}),
 * and every package a rule names must exist, so a rename cannot make a rule pass by matching nothing.
 */
class ArchitectureTest {
    static final String DOMAIN = "io.adtarget.domain..";
    static final String APPLICATION = "io.adtarget.application..";
    static final String SERVICES = "io.adtarget.application.service..";
    static final String PORTS = "io.adtarget.application.port..";
    static final String PORT_IN = "io.adtarget.application.port.in..";
    static final String PORT_OUT = "io.adtarget.application.port.out..";
    static final String PERSISTENCE = "io.adtarget.persistence..";
    static final String META = "io.adtarget.meta..";
    static final String TELEGRAM = "io.adtarget.telegram..";
    static final String HTTP = "io.adtarget.http..";
    static final List<String> NAMED_PACKAGES = List.of(DOMAIN, APPLICATION, SERVICES, PORTS, PORT_IN, PORT_OUT,
            PERSISTENCE, META, TELEGRAM, HTTP);

    /** Types of a transport or a driver: they stay in the adapter that speaks it. */
    static final String[] ADAPTER_TYPES = {"io.vertx.ext.web..", "io.vertx.sqlclient..", "io.vertx.pgclient..",
        "io.vertx.redis..", "io.vertx.core.json..", "io.vertx.core.http..", "io.vertx.core.net..",
        "io.vertx.core.buffer..", "com.fasterxml.jackson.."};

    /**
     * Besides Future and Promise, two Vert.x types are unavoidable with Future's own API:
     * {@link AsyncResult} (the argument of {@code andThen}, {@code transform}, {@code onComplete}
     * handlers, and Future's supertype) and {@link CompositeFuture} (what {@code Future.all/any/join}
     * return). {@code Handler}, {@code Completable} and {@code Expectation} are only ever passed as
     * lambdas or a Promise, which creates no dependency, so they stay forbidden. (Maven lets the application
     * use all of vertx-core; this rule narrows it.)
     */
    static final ArchRule APPLICATION_USES_ONLY_VERTX_FUTURES = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", DOMAIN, APPLICATION)
                    .or(belongToAnyOf(Future.class, Promise.class, AsyncResult.class, CompositeFuture.class)))
            .because("use cases speak Future/Promise and nothing else of Vert.x");

    static final ArchRule ADAPTERS_NEVER_USE_SERVICES = noClasses().that()
            .resideInAnyPackage(PERSISTENCE, META, TELEGRAM, HTTP)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("adapters reach the application through its ports; only bootstrap builds the services");

    static final ArchRule PORT_IN_NEVER_USES_PORT_OUT = noClasses().that().resideInAPackage(PORT_IN)
            .should().dependOnClassesThat().resideInAPackage(PORT_OUT)
            .because("what a driving adapter sees must not drag in the driven side's types");

    private static final DescribedPredicate<JavaClass> SEALED = DescribedPredicate.describe("sealed",
            clazz -> clazz.reflect().isSealed());

    static final ArchRule INBOUND_PORTS_ARE_USE_CASES = classes().that().resideInAPackage(PORT_IN)
            .and().areInterfaces().and().areTopLevelClasses().and(not(SEALED))
            .should().haveSimpleNameEndingWith("UseCase")
            .because("an inbound port is a use case; its commands, results and values are records or sealed types");

    static final ArchRule NO_ADAPTER_TYPE_IN_A_PORT_SIGNATURE = noMethods().that()
            .areDeclaredInClassesThat().resideInAPackage(PORTS)
            .should(useInTheirSignatureATypeIn(ADAPTER_TYPES))
            .because("a port speaks the application's types; Vert.x Web, SQL, Redis and JSON types stay in adapters");

    /** Test jars of other modules (test fixtures such as in-memory fakes) are not production code. */
    private static final ImportOption DO_NOT_INCLUDE_TEST_JARS = new ImportOption() {
        private final Pattern testJar = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(testJar);
        }
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(DO_NOT_INCLUDE_TEST_JARS)
                .importPackages("io.adtarget");
    }

    @Test
    void the_rules_see_the_main_classes_of_every_module_but_no_test_classes() {
        assertThat(classes.stream().map(JavaClass::getSimpleName)).noneMatch(name -> name.endsWith("Test"));
        assertThat(classes.stream().map(JavaClass::getSimpleName)).doesNotContain("RoutingContextInAPort");
    }

    @Test
    void every_package_a_rule_names_holds_classes() {
        for (String pattern : NAMED_PACKAGES) {
            String root = pattern.substring(0, pattern.length() - 2);
            assertThat(classes.stream().map(JavaClass::getPackageName))
                    .as("package %s (renamed? then rename the rule's constant too)", root)
                    .anyMatch(name -> name.equals(root) || name.startsWith(root + "."));
        }
    }

    @Test
    void the_application_depends_on_the_domain_and_vertx_futures_only() {
        APPLICATION_USES_ONLY_VERTX_FUTURES.check(classes);
    }

    @Test
    void adapters_never_use_the_application_services() {
        ADAPTERS_NEVER_USE_SERVICES.check(classes);
    }

    @Test
    void inbound_ports_never_use_outbound_port_types() {
        PORT_IN_NEVER_USES_PORT_OUT.check(classes);
    }

    @Test
    void inbound_port_interfaces_are_named_use_case() {
        INBOUND_PORTS_ARE_USE_CASES.check(classes);
    }

    @Test
    void no_adapter_type_appears_in_a_port_signature() {
        NO_ADAPTER_TYPE_IN_A_PORT_SIGNATURE.check(classes);
    }

    /** Parameter and return types, generic arguments included ({@code Future<Row>} counts). */
    private static ArchCondition<JavaMethod> useInTheirSignatureATypeIn(String... packages) {
        DescribedPredicate<JavaClass> adapterType = resideInAnyPackage(packages);
        return new ArchCondition<>("use in their signature a type in " + String.join(", ", packages)) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream.concat(method.getParameterTypes().stream(), Stream.of(method.getReturnType()))
                        .map(JavaType::getAllInvolvedRawTypes)
                        .flatMap(java.util.Set::stream)
                        .filter(adapterType)
                        .distinct()
                        .forEach(type -> events.add(SimpleConditionEvent.satisfied(method,
                                method.getFullName() + " uses " + type.getName() + " in its signature")));
            }
        };
    }
}
