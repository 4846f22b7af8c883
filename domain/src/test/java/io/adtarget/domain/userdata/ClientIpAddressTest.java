package io.adtarget.domain.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IP literals are recognised by their text alone: a host name is never resolved, only refused. */
class ClientIpAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "1.2.3.4", "255.255.255.255", "168.212.226.204", "::", "::1", "1::",
        "2001:db8::8a2e:370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:192.0.2.128",
        "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "FE80::1", " 10.0.0.1 "})
    void accepts_ipv4_and_ipv6_literals(String text) {
        assertThat(ClientIpAddress.parse(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "1..3.4",
        "localhost", "example.com", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "1:2:3:4:5:6:7", "12345::1",
        "fe80::1%eth0", "[::1]", "::ffff:999.0.0.1", "1.2.3.4::", "g::1", "", " ",
        "0x7f.0.0.1", "2130706433"})
    void refuses_everything_else_including_host_names(String text) {
        assertThat(ClientIpAddress.parse(text)).isEmpty();
    }
}
