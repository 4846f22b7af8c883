package io.adtarget.application.port.in.archfixture;

import io.vertx.core.Future;

/** Follows every rule: the rules must accept it. Only ArchitectureRulesRejectTest imports it. */
public interface FineUseCase {
    Future<Result> run(Command command);

    record Command(String value) {
    }

    sealed interface Result {
        record Done() implements Result {
        }
    }
}
