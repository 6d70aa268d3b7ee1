package dev.userpool.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** USERPOOL_LOCAL_NETWORKS: the CIDR list read on address bytes, and every way it can be wrong. */
class LocalNetworksTest {

    private static LocalNetworks of(String value) {
        return LocalNetworks.from(new Environment(Map.of("USERPOOL_LOCAL_NETWORKS", value)));
    }

    private static InetAddress ip(String literal) {
        return AddressLiteral.parse(literal).orElseThrow();
    }

    @Test
    void theDefaultIsTheLoopbackAddresses() {
        LocalNetworks networks = LocalNetworks.from(new Environment(Map.of()));
        assertThat(networks).hasToString("127.0.0.0/8, ::1/128");
        assertThat(networks.contains(ip("127.0.0.1"))).isTrue();
        assertThat(networks.contains(ip("127.255.0.9"))).isTrue();
        assertThat(networks.contains(ip("::1"))).isTrue();
        assertThat(networks.contains(ip("::ffff:127.0.0.1"))).as("IPv4-mapped").isTrue();
        assertThat(networks.contains(ip("128.0.0.1"))).isFalse();
        assertThat(networks.contains(ip("::2"))).isFalse();
        assertThat(networks.contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void prefixesCountBitsNotBytes() {
        LocalNetworks networks = of("10.1.2.0/23, fd00:ab::/30");
        assertThat(networks.contains(ip("10.1.3.255"))).isTrue();
        assertThat(networks.contains(ip("10.1.4.0"))).isFalse();
        assertThat(networks.contains(ip("fd00:ab::1"))).isTrue();
        assertThat(networks.contains(ip("fd00:a8::1"))).isTrue();
        assertThat(networks.contains(ip("fd00:ac::1"))).isFalse();
        assertThat(networks).hasToString("10.1.2.0/23, fd00:a8::/30");
    }

    @Test
    void bitsPastThePrefixAreIgnoredAndZeroMatchesAll() {
        assertThat(of("127.0.0.1/8")).hasToString("127.0.0.0/8");
        LocalNetworks all = of("0.0.0.0/0,::/0");
        assertThat(all.contains(ip("203.0.113.9"))).isTrue();
        assertThat(all.contains(ip("2001:db8::1"))).isTrue();
        assertThat(of("127.0.0.1/32").contains(ip("127.0.0.2"))).isFalse();
    }

    @Test
    void ipv6PrintsInItsShortestForm() {
        assertThat(of("2001:0db8:0000:0000:0001:0000:0000:0001")).hasToString("2001:db8::1:0:0:1/128");
        assertThat(of("fe80::/10")).hasToString("fe80::/10");
        assertThat(of("1:2:3:4:5:6:7:8")).hasToString("1:2:3:4:5:6:7:8/128");
        assertThat(of("1:0:3:4:5:6:7:8")).hasToString("1:0:3:4:5:6:7:8/128");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1/33", "127.0.0/8", "127.1", "localhost", "example.com/8", "::1/129", "10.0.0.0/8,",
            ",10.0.0.0/8", "300.1.1.1", "010.0.0.1", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "::1::2", "fe80::1%eth0/64x", "*"})
    void whatIsNotUnderstoodStopsStartUpNamingTheVariable(String bad) {
        assertThatThrownBy(() -> of(bad)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("USERPOOL_LOCAL_NETWORKS=")
                .hasMessageContaining("expected networks such as");
    }

    @Test
    void addressLiteralsNeverAskDns() {
        assertThat(AddressLiteral.parse("localhost")).isEmpty();
        assertThat(AddressLiteral.parse("example.com")).isEmpty();
        assertThat(AddressLiteral.parse("1234")).isEmpty();
        assertThat(AddressLiteral.parse("[::1]")).contains(ip("::1"));
        assertThat(AddressLiteral.parse("fe80::1%lo")).isPresent();
        assertThat(AddressLiteral.parse(null)).isEmpty();
    }
}
