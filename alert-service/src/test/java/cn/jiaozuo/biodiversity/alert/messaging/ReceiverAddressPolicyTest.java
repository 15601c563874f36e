package cn.jiaozuo.biodiversity.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The webhook receiver address policy as plain functions: which URLs and addresses may receive deliveries. */
class ReceiverAddressPolicyTest {

    private final ReceiverAddressPolicy defaults = new ReceiverAddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(strings = {
        // loopback and this machine, in every spelling
        "http://127.0.0.1/hook", "http://127.0.0.2:8080/hook", "http://localhost/hook", "http://LOCALHOST./hook",
        "http://api.localhost/hook", "http://[::1]/hook", "http://[0:0:0:0:0:0:0:1]/hook",
        "http://2130706433/hook", "http://0x7f000001/hook", "http://017700000001/hook", "http://127.1/hook",
        "http://0177.0.0.1/hook", "http://127.000.000.001/hook", "http://0x7f.0.0.1/hook",
        "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:7f00:1]/hook", "http://[::127.0.0.1]/hook",
        // unspecified
        "http://0/hook", "http://0.0.0.0/hook", "http://[::]/hook",
        // link-local, cloud metadata
        "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hook", "http://[fe80::1%25eth0]/hook",
        // private and shared ranges
        "http://10.0.0.5/hook", "http://172.16.3.4/hook", "http://172.31.255.255/hook", "http://192.168.1.1/hook",
        "http://100.64.0.1/hook", "http://[fc00::1]/hook", "http://[fd12:3456::1]/hook",
        "http://[::ffff:10.0.0.1]/hook", "http://[64:ff9b::7f00:1]/hook",
        // cluster-internal names
        "http://kafka:9092/hook", "http://postgresql/hook", "http://alert-service.biodiversity.svc/hook",
        "http://alert-service.biodiversity.svc.cluster.local:8083/q/metrics", "http://db.cluster.local/hook",
        "http://metadata.google.internal/computeMetadata/v1/", "http://printer.local/hook",
        // multicast and broadcast
        "http://224.0.0.1/hook", "http://239.255.255.250/hook", "http://255.255.255.255/hook", "http://[ff02::1]/hook",
        // schemes, credentials, odd hosts
        "ftp://example.org/hook", "file:///etc/passwd", "gopher://example.org/hook", "jar:http://example.org!/x",
        "http://user:password@example.org/hook", "http://user@example.org/hook", "//example.org/hook", "example.org/hook",
        "http:///hook", "http://exa mple.org/hook", "http://例子.中国/hook"})
    void hostile_or_internal_urls_are_refused_with_a_reason(String url) {
        Optional<String> refusal = defaults.refusal(url);
        assertTrue(refusal.isPresent(), url + " must be refused");
        assertFalse(refusal.get().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://lyj.jiaozuo.gov.cn/hooks/alerts", "http://hooks.example.org:8080/a?b=c",
        "https://8.8.8.8/hook", "http://[2606:4700:4700::1111]/hook", "https://xn--fiqs8s.example/hook",
        "https://example.org./hook", "HTTPS://Example.ORG/hook"})
    void public_receivers_are_accepted(String url) {
        assertEquals(Optional.empty(), defaults.refusal(url), url);
    }

    @Test
    void the_reason_is_worded_for_the_person_who_typed_the_url() {
        String metadata = defaults.refusal("http://169.254.169.254/latest/meta-data/").orElseThrow();
        assertTrue(metadata.contains("link-local") && metadata.contains("public") && metadata.contains("allowed-receivers"),
                metadata);
        assertTrue(defaults.refusal("http://2130706433/").orElseThrow().contains("address"));
        assertTrue(defaults.refusal("http://u:p@example.org/").orElseThrow().contains("password"));
        assertTrue(defaults.refusal("http://kafka:9092/").orElseThrow().contains("inside the service's own network"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.0.1", "192.168.0.1",
        "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.251", "255.255.255.255", "240.0.0.1", "192.0.2.1",
        "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fdff::1", "ff02::1", "64:ff9b::a00:1", "2002:7f00:1::1",
        "2001:db8::1", "::a00:1"})
    void non_public_addresses_have_a_kind(String address) throws Exception {
        assertTrue(ReceiverAddressPolicy.kind(InetAddress.getByName(address)).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "169.253.1.1", "223.255.255.254", "2606:4700:4700::1111", "2400:3200::1"})
    void public_addresses_have_none(String address) throws Exception {
        assertEquals(Optional.empty(), ReceiverAddressPolicy.kind(InetAddress.getByName(address)), address);
    }

    @Test
    void at_connect_time_a_public_name_resolving_to_a_private_address_is_refused() throws Exception {
        assertFalse(defaults.mayConnect("hooks.example.org", InetAddress.getByName("127.0.0.1")));
        assertFalse(defaults.mayConnect("hooks.example.org", InetAddress.getByName("169.254.169.254")));
        assertFalse(defaults.mayConnect("hooks.example.org", InetAddress.getByAddress(
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1})));
        assertTrue(defaults.mayConnect("hooks.example.org", InetAddress.getByName("8.8.8.8")));
    }

    @Test
    void the_operator_allows_on_premise_receivers_by_network_or_name() throws Exception {
        ReceiverAddressPolicy onPremise = new ReceiverAddressPolicy(
                List.of("10.20.0.0/16", " hooks.lyj.internal ", "*.corp.example", "::1", "127.0.0.1"));

        assertEquals(Optional.empty(), onPremise.refusal("http://10.20.3.4/hook"));
        assertTrue(onPremise.refusal("http://10.21.0.1/hook").isPresent());
        assertEquals(Optional.empty(), onPremise.refusal("https://hooks.lyj.internal/hook"));
        assertEquals(Optional.empty(), onPremise.refusal("https://a.b.corp.example/hook"));
        assertTrue(onPremise.refusal("https://corp.example.evil.org.internal/hook").isPresent());
        assertEquals(Optional.empty(), onPremise.refusal("http://[::1]:8080/hook"));
        assertEquals(Optional.empty(), onPremise.refusal("http://127.0.0.1:8080/hook"));
        assertTrue(onPremise.refusal("http://127.0.0.2/hook").isPresent(), "only the listed address");
        assertTrue(onPremise.refusal("http://127.1/hook").isPresent(), "odd forms stay refused");
        assertTrue(onPremise.refusal("http://localhost/hook").isPresent(), "a name is allowed only by name");

        assertTrue(onPremise.mayConnect("hooks.lyj.internal", InetAddress.getByName("10.9.9.9")), "a listed name is trusted");
        assertTrue(onPremise.mayConnect("hooks.example.org", InetAddress.getByName("10.20.1.1")));
        assertFalse(onPremise.mayConnect("hooks.example.org", InetAddress.getByName("10.30.1.1")));
    }

    @Test
    void a_malformed_allow_list_entry_stops_the_service() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiverAddressPolicy(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverAddressPolicy(List.of("http://hooks.example.org")));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverAddressPolicy(List.of("10.0.0/8")));
    }
}
