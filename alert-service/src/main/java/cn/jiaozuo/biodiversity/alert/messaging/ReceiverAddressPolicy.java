package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.domain.ReceiverPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where webhooks may go. A subscription's URL is chosen by a bureau user, and the alert service sits
 * inside the network next to Kafka, PostgreSQL and cloud metadata; without this policy a webhook
 * would reach them, and the deliveries list would tell which ports answer. So only public addresses
 * receive deliveries, unless the operator lists a receiver in {@code alerts.webhook.allowed-receivers}.
 * <p>
 * The URL is judged twice: {@link #refusal} when the subscription is created (what is written there:
 * names and IP literals, without asking DNS), and {@link #mayConnect} for each address a name resolves
 * to, right before connecting, so a name that later resolves to 127.0.0.1 (DNS rebinding) is not
 * delivered to either.
 */
@ApplicationScoped
public class ReceiverAddressPolicy implements ReceiverPolicy {

    static final String ALLOW_HINT = " For a receiver inside your own network, the operator can allow it"
            + " (setting alerts.webhook.allowed-receivers).";

    /** Every label made of digits or 0x-hex: some IPv4 form (inet_aton reads 127.1, 0x7f000001, 017700000001). */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    /** Names that only mean something inside a cluster or a local network. */
    private static final List<String> INTERNAL_SUFFIXES = List.of(".svc", ".cluster.local", ".internal", ".local",
            ".localdomain", ".home.arpa");

    private final List<Cidr> allowedNetworks = new ArrayList<>();
    private final List<String> allowedNames = new ArrayList<>();

    @Inject
    public ReceiverAddressPolicy(AlertConfig config) {
        this(config.webhook().allowedReceivers().orElse(List.of()));
    }

    /** @param allowed CIDRs ({@code 10.20.0.0/16}), single addresses, host names or {@code *.suffix} names */
    public ReceiverAddressPolicy(List<String> allowed) {
        for (String raw : allowed) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/") || entry.contains(":") || CANONICAL_IPV4.matcher(entry).matches()) {
                allowedNetworks.add(Cidr.parse(entry));
            } else if (HOST_NAME.matcher(entry.startsWith("*.") ? entry.substring(2) : entry).matches()) {
                allowedNames.add(entry);
            } else {
                throw new IllegalArgumentException("alerts.webhook.allowed-receivers: '" + raw
                        + "' is neither a CIDR, an IP address nor a host name");
            }
        }
    }

    /**
     * Why this URL may not receive webhooks, in words for the bureau user who typed it; empty when it
     * may. Looks only at what is written (no DNS): {@link #mayConnect} checks what a name resolves to.
     */
    @Override
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("must not contain a user name or password: each delivery is signed with the secret instead");
        }
        if (uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL with a host name");
        }
        String host = normalize(uri.getHost());
        if (nameAllowed(host)) {
            return Optional.empty();
        }
        if (host.startsWith("[")) {
            return ipv6Literal(host.substring(1, host.length() - 1));
        }
        if (NUMERIC_HOST.matcher(host).matches()) {
            if (!CANONICAL_IPV4.matcher(host).matches() || !canonicalOctets(host)) {
                return Optional.of("writes an IP address in an unusual form; write it as four decimal numbers"
                        + " (like 203.0.113.10), or better, use the receiver's host name");
            }
            return addressRefusal(literal(host));
        }
        if (!HOST_NAME.matcher(host).matches()) {
            return Optional.of("must use a plain host name (letters, digits, dots and hyphens; an internationalized"
                    + " name in its xn-- form)");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return Optional.of("points to the alert service's own machine (localhost); use your receiver's public"
                    + " host name." + ALLOW_HINT);
        }
        if (!host.contains(".") || INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
            return Optional.of("names a host inside the service's own network (a name without a dot, or ending in"
                    + " .svc, .cluster.local, .internal, .local); use your receiver's public host name." + ALLOW_HINT);
        }
        return Optional.empty();
    }

    @Override
    public boolean operatorAllowed(String url) {
        String host;
        try {
            host = new URI(url.strip()).getHost();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = normalize(host);
        if (nameAllowed(host)) {
            return true;
        }
        if (host.startsWith("[")) {
            String text = host.substring(1, host.length() - 1);
            return !text.contains("%") && !text.contains(".") && networkAllowed(literal(text));
        }
        return CANONICAL_IPV4.matcher(host).matches() && canonicalOctets(host) && networkAllowed(literal(host));
    }

    /** Whether a delivery for {@code host} may connect to {@code address} (one of the addresses the name resolved to). */
    public boolean mayConnect(String host, InetAddress address) {
        return nameAllowed(normalize(host)) || networkAllowed(address) || kind(address).isEmpty();
    }

    /**
     * What kind of non-public address this is ({@code "this machine (loopback)"}, {@code "a private network"}
     * …), or empty for a public unicast address.
     */
    public static Optional<String> kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(b);
        }
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4Kind(java.util.Arrays.copyOfRange(b, 12, 16)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("this machine (loopback)");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address (::)");
        }
        if (isZero(b, 0, 10)) {
            return Optional.of("an IPv4 address inside IPv6");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xff) {
            return Optional.of("multicast");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("link-local (fe80::/10)");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a private network (fec0::/10)");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a private network (fc00::/7)");
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return Optional.of("an IPv4 address inside IPv6 (NAT64)");
        }
        if (first == 0x20 && second == 0x02) {
            return Optional.of("an IPv4 address inside IPv6 (6to4)");
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("a tunnel address (Teredo)");
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("an address reserved for documentation");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        int d = b[2] & 0xff;
        if (a == 127) {
            return Optional.of("this machine (loopback)");
        }
        if (a == 0) {
            return Optional.of("an unspecified address (0.0.0.0)");
        }
        if (a == 10 || (a == 172 && (c & 0xf0) == 16) || (a == 192 && c == 168)) {
            return Optional.of("a private network");
        }
        if (a == 169 && c == 254) {
            return Optional.of("link-local (169.254.0.0/16, where cloud metadata lives)");
        }
        if (a == 100 && (c & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT network (100.64.0.0/10)");
        }
        if (a >= 224) {
            return Optional.of(a < 240 ? "multicast" : "a reserved or broadcast address");
        }
        if ((a == 192 && c == 0 && (d == 0 || d == 2)) || (a == 198 && (c & 0xfe) == 18)
                || (a == 198 && c == 51 && d == 100) || (a == 203 && c == 0 && d == 113) || (a == 192 && c == 88 && d == 99)) {
            return Optional.of("an address reserved for documentation or special use");
        }
        return Optional.empty();
    }

    private Optional<String> ipv6Literal(String text) {
        if (text.contains("%")) {
            return Optional.of("must not name a network interface (%…) in the address");
        }
        if (text.contains(".")) {
            // ::ffff:127.0.0.1, ::127.0.0.1: the IPv4 address should be written as itself.
            return Optional.of("writes an IPv4 address inside IPv6 (like ::ffff:…); write the IPv4 address itself,"
                    + " or better, the receiver's host name");
        }
        InetAddress address = literal(text);
        if (address instanceof Inet4Address) {
            return Optional.of("writes an IPv4 address inside IPv6 (like ::ffff:…); write the IPv4 address itself,"
                    + " or better, the receiver's host name");
        }
        return addressRefusal(address);
    }

    private Optional<String> addressRefusal(InetAddress address) {
        if (networkAllowed(address)) {
            return Optional.empty();
        }
        return kind(address).map(kind -> "is an address of " + kind + "; webhooks go only to public internet addresses."
                + ALLOW_HINT);
    }

    private boolean nameAllowed(String host) {
        for (String name : allowedNames) {
            if (name.startsWith("*.") ? host.endsWith(name.substring(1)) : host.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean networkAllowed(InetAddress address) {
        return allowedNetworks.stream().anyMatch(n -> n.contains(address));
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static boolean canonicalOctets(String dotted) {
        for (String part : dotted.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Parses an IP literal; never asks DNS (the caller passes only dotted quads and IPv6 text). */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An address block: an address and a prefix length. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            String address = parts[0].startsWith("[") ? parts[0].substring(1, parts[0].length() - 1) : parts[0];
            if (!address.contains(":") && !CANONICAL_IPV4.matcher(address).matches()) {
                throw new IllegalArgumentException("alerts.webhook.allowed-receivers: '" + text + "' is not a CIDR");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("alerts.webhook.allowed-receivers: '" + text + "' is not a CIDR", e);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("alerts.webhook.allowed-receivers: '" + text + "' has a bad prefix");
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
