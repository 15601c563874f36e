package cn.jiaozuo.biodiversity.alert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a webhook receiver's host name, right before each connection. A bean of its own so that
 * tests can make a name resolve to a private address (DNS rebinding) without a DNS server.
 */
@ApplicationScoped
public class ReceiverResolver {

    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
