package io.adtarget.http.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.shared.Sha256;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The idempotency fingerprint covers the user data of a request: its body and the forwarded browser headers. */
class FingerprintTest {
    private static final byte[] BODY = "{\"userData\":{\"email\":\"a@b.co\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void forwarded_headers_change_the_fingerprint_and_no_headers_keep_the_body_hash() {
        String plain = RecordConversionHandler.fingerprint(BODY, MatchDataReader.ForwardedHeaders.NONE);
        assertThat(plain).isEqualTo(Sha256.hex(BODY));
        assertThat(RecordConversionHandler.fingerprint(BODY, new MatchDataReader.ForwardedHeaders("1.2.3.4", null)))
                .isNotEqualTo(plain)
                .isNotEqualTo(RecordConversionHandler.fingerprint(BODY,
                        new MatchDataReader.ForwardedHeaders("1.2.3.5", null)));
        assertThat(RecordConversionHandler.fingerprint(BODY, new MatchDataReader.ForwardedHeaders(" ", "")))
                .isEqualTo(plain);
    }
}
