package io.adtarget.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.adtarget.application.port.in.archfixture.ConversionFinder;
import io.adtarget.application.port.in.archfixture.FineUseCase;
import io.adtarget.application.port.in.archfixture.ReportsRows;
import io.adtarget.http.archfixture.HandlerUsingAService;
import org.junit.jupiter.api.Test;

/** Every rule of {@link ArchitectureTest} can fail: each rejects a fixture that breaks it, naming the culprit. */
class ArchitectureRulesRejectTest {
    private static final JavaClasses VIOLATORS = new ClassFileImporter()
            .importClasses(HandlerUsingAService.class, ConversionFinder.class, ReportsRows.class);
    private static final JavaClasses FINE = new ClassFileImporter().importClasses(FineUseCase.class,
            FineUseCase.Command.class, FineUseCase.Result.class, FineUseCase.Result.Done.class);

    @Test
    void an_adapter_using_a_service_is_rejected() {
        assertRejects(ArchitectureTest.ADAPTERS_NEVER_USE_SERVICES, "HandlerUsingAService", "ConversionSettings");
    }

    @Test
    void an_inbound_port_using_an_outbound_port_type_is_rejected() {
        assertRejects(ArchitectureTest.PORT_IN_NEVER_USES_PORT_OUT, "ConversionFinder", "Telemetry");
    }

    @Test
    void an_inbound_port_interface_not_named_use_case_is_rejected() {
        assertRejects(ArchitectureTest.INBOUND_PORTS_ARE_USE_CASES, "ConversionFinder", "UseCase");
    }

    @Test
    void an_adapter_type_in_a_port_signature_is_rejected_even_inside_a_generic_argument() {
        assertRejects(ArchitectureTest.NO_ADAPTER_TYPE_IN_A_PORT_SIGNATURE, "RoutingContext", "ConversionFinder.find");
        assertRejects(ArchitectureTest.NO_ADAPTER_TYPE_IN_A_PORT_SIGNATURE, "io.vertx.sqlclient.Row", "ReportsRows.rows");
    }

    @Test
    void an_application_class_using_more_of_vertx_than_futures_is_rejected() {
        assertRejects(ArchitectureTest.APPLICATION_USES_ONLY_VERTX_FUTURES, "ConversionFinder", "RoutingContext");
    }

    @Test
    void a_port_that_follows_every_rule_is_accepted() {
        for (ArchRule rule : new ArchRule[] {ArchitectureTest.PORT_IN_NEVER_USES_PORT_OUT,
            ArchitectureTest.INBOUND_PORTS_ARE_USE_CASES, ArchitectureTest.NO_ADAPTER_TYPE_IN_A_PORT_SIGNATURE,
            ArchitectureTest.APPLICATION_USES_ONLY_VERTX_FUTURES}) {
            assertThatCode(() -> rule.check(FINE)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    private static void assertRejects(ArchRule rule, String... namedInTheReport) {
        EvaluationResult result = rule.evaluate(VIOLATORS);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        String report = result.getFailureReport().toString();
        assertThat(report).contains(namedInTheReport);
    }
}
