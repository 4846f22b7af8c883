package io.adtarget.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetaGatewaySettingsTest {

    @Test
    void defaults_to_metas_graph_api_v24_with_a_one_and_a_half_second_deadline() {
        assertThat(MetaGatewaySettings.defaults()).isEqualTo(
                new MetaGatewaySettings("https://graph.facebook.com", "v24.0", Duration.ofMillis(1500), 32));
    }

    @Test
    void drops_a_trailing_slash_from_the_graph_url() {
        assertThat(MetaGatewaySettings.defaults().withGraphUrl("http://localhost:8089/").graphUrl())
                .isEqualTo("http://localhost:8089");
    }

    @Test
    void refuses_settings_that_would_build_a_wrong_url_or_never_time_out() {
        MetaGatewaySettings ok = MetaGatewaySettings.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> ok.withGraphUrl("graph.facebook.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> ok.withGraphUrl("https://graph.facebook.com?x=1"));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MetaGatewaySettings(ok.graphUrl(), "24.0", ok.timeout(), 32));
        assertThatIllegalArgumentException().isThrownBy(() -> ok.withTimeout(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MetaGatewaySettings(ok.graphUrl(), ok.apiVersion(), ok.timeout(), 0));
    }
}
