package io.adtarget.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.http.TestApi;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void removes_api_keys_bearer_credentials_and_meta_tokens_from_a_failure_chain() {
        Throwable failure = new IllegalStateException("outer " + TestApi.LIVE_KEY,
                new RuntimeException("Authorization: Bearer s3cr3t and token EAABsbCS1iHgBAKZCZA1234"));

        Throwable scrubbed = Redaction.scrub(failure);

        assertThat(scrubbed.getMessage()).isEqualTo("java.lang.IllegalStateException: outer [redacted]");
        assertThat(scrubbed.getCause().getMessage())
                .isEqualTo("java.lang.RuntimeException: Authorization: [redacted] and token [redacted]");
        assertThat(scrubbed.getStackTrace()).isEqualTo(failure.getStackTrace());
    }
}
