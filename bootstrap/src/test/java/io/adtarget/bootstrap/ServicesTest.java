package io.adtarget.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.service.ConversionSettings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServicesTest {

    @ParameterizedTest
    @ValueSource(strings = {"PT2S", "PT10S", "PT30S", "PT2M"})
    void a_match_key_lock_left_by_a_crashed_instance_expires_before_a_waiting_request_gives_up(String deliveryLease) {
        ConversionSettings settings = Services.conversionSettings(Config.fromEnvironment(
                Map.of("DATABASE_URL", "postgresql://localhost/x", "DELIVERY_LEASE", deliveryLease,
                        "SECRETS_KEY", ConfigTest.RING)));

        assertThat(settings.lockTtl()).isLessThan(settings.lockWait());
        assertThat(settings.deliveryLease()).isEqualTo(java.time.Duration.parse(deliveryLease));
    }
}
