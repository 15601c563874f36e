package cn.jiaozuo.biodiversity.alert;

import cn.jiaozuo.biodiversity.alert.messaging.ReceiverResolver;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook dispatcher's resolver in tests: names a test registers resolve to the address it
 * chooses (a DNS server that answers 127.0.0.2 for a public-looking name), all others as usual.
 */
@Mock
@ApplicationScoped
public class FakeReceiverResolver extends ReceiverResolver {

    private static final Map<String, InetAddress> NAMES = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to {@code address} (an IP literal). */
    static void pretend(String host, String address) {
        try {
            NAMES.put(host.toLowerCase(Locale.ROOT), InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress address = NAMES.get(host.toLowerCase(Locale.ROOT));
        return address == null ? super.resolve(host) : new InetAddress[] {address};
    }
}
