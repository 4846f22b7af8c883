package io.adtarget.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which responses an idempotency record keeps for replay (semantics §1, "What is stored"). */
class IdempotencyPolicyTest {

    @ParameterizedTest(name = "{0} is stored")
    @ValueSource(ints = {200, 201, 202, 204, 299, 302, 404, 405, 409, 410, 422, 429, 499})
    void responses_of_executed_requests_below_500_are_stored(int status) {
        assertThat(IdempotencyPolicy.isStorable(status)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not stored")
    @ValueSource(ints = {400, 401, 413, 415})
    void rejections_before_execution_are_not_stored_so_a_corrected_retry_executes(int status) {
        assertThat(IdempotencyPolicy.isStorable(status)).isFalse();
    }

    @ParameterizedTest(name = "{0} is not stored")
    @ValueSource(ints = {500, 502, 503, 504, 599})
    void server_errors_are_not_stored_so_a_retry_executes_again(int status) {
        assertThat(IdempotencyPolicy.isStorable(status)).isFalse();
    }

    @ParameterizedTest(name = "{0} is not stored")
    @ValueSource(ints = {100, 101, 199})
    void informational_statuses_are_not_final_responses_and_are_not_stored(int status) {
        assertThat(IdempotencyPolicy.isStorable(status)).isFalse();
    }
}
