package io.adtarget.http.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TRUSTED_PROXIES parsing and the CIDR test behind the client-IP rule. */
class TrustedProxiesTest {

    @Test
    void blocks_of_both_families_contain_exactly_their_addresses() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, 2001:db8::/32, 172.16.0.0/12");

        assertThat(proxies.trusted("10.255.0.1")).isTrue();
        assertThat(proxies.trusted("11.0.0.1")).isFalse();
        assertThat(proxies.trusted("192.168.1.7")).isTrue();
        assertThat(proxies.trusted("192.168.1.8")).isFalse();
        assertThat(proxies.trusted("172.31.255.255")).isTrue();
        assertThat(proxies.trusted("172.32.0.0")).isFalse();
        assertThat(proxies.trusted("2001:db8:ffff::1")).isTrue();
        assertThat(proxies.trusted("2001:db9::1")).isFalse();
        assertThat(proxies.trusted("not-an-ip")).isFalse();
    }

    @Test
    void nothing_is_trusted_by_default_and_bad_entries_are_named() {
        assertThat(TrustedProxies.parse("").trusted("127.0.0.1")).isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).hasMessageContaining("proxy.internal");
    }
}
