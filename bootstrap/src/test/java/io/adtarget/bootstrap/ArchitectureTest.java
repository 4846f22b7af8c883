package io.adtarget.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import io.vertx.core.AsyncResult;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of the hexagon (conventions.md, rule 1), checked on the main classes of every
 * module: bootstrap depends on all of them, so its test class path sees them all.
 */
class ArchitectureTest {
    private static final String DOMAIN = "io.adtarget.domain..";
    private static final String APPLICATION = "io.adtarget.application..";
    private static final String PERSISTENCE = "io.adtarget.persistence..";
    private static final String META = "io.adtarget.meta..";
    private static final String HTTP = "io.adtarget.http..";
    private static final String BOOTSTRAP = "io.adtarget.bootstrap..";

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
    void the_rules_see_the_main_classes_of_domain_and_application_but_no_test_classes() {
        assertThat(classes.containPackage("io.adtarget.domain.conversion")).isTrue();
        assertThat(classes.containPackage("io.adtarget.application.port.in")).isTrue();
        assertThat(classes.containPackage("io.adtarget.application.port.out")).isTrue();
        assertThat(classes.stream().map(JavaClass::getSimpleName)).noneMatch(name -> name.endsWith("Test"));
    }

    @Test
    void the_domain_depends_on_the_jdk_only() {
        ArchRule rule = classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .because("the domain is pure Java: no framework, no I/O library, no other module");
        rule.check(classes);
    }

    /**
     * Besides Future and Promise, two Vert.x types are unavoidable with Future's own API:
     * {@link AsyncResult} (the argument of {@code andThen}, {@code transform}, {@code onComplete}
     * handlers, and Future's supertype) and {@link CompositeFuture} (what {@code Future.all/any/join}
     * return). {@code Handler}, {@code Completable} and {@code Expectation} are only ever passed as
     * lambdas or a Promise, which creates no dependency, so they stay forbidden.
     */
    @Test
    void the_application_depends_on_the_domain_and_vertx_futures_only() {
        ArchRule rule = classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", DOMAIN, APPLICATION)
                        .or(belongToAnyOf(Future.class, Promise.class, AsyncResult.class, CompositeFuture.class)))
                .because("use cases speak Future/Promise and nothing else of Vert.x");
        rule.check(classes);
    }

    @Test
    void adapters_never_depend_on_each_other() {
        adapterRule(PERSISTENCE, META, HTTP).check(classes);
        adapterRule(META, PERSISTENCE, HTTP).check(classes);
        adapterRule(HTTP, PERSISTENCE, META).check(classes);
    }

    @Test
    void only_bootstrap_depends_on_bootstrap() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
                .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
                .because("bootstrap is the composition root: it knows everyone, nobody knows it");
        rule.check(classes);
    }

    private static ArchRule adapterRule(String adapter, String... otherAdapters) {
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(otherAdapters)
                .because("adapters meet only through the application's ports, wired in bootstrap")
                // An adapter module may still be an empty skeleton; the rule then has nothing to check.
                .allowEmptyShould(true);
    }
}
