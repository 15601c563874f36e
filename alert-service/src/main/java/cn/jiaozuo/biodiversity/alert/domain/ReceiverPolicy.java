package cn.jiaozuo.biodiversity.alert.domain;

import java.util.Optional;

/**
 * Which webhook receivers a subscription may name (implemented in messaging by the policy its deliveries obey
 * too, so a URL accepted here is one the dispatcher may call).
 */
public interface ReceiverPolicy {

    /** Why the URL may not receive webhooks, in plain words; empty when it may. */
    Optional<String> refusal(String url);

    /**
     * Whether the URL's host is a receiver the operator allowed by name or address (alerts.webhook.allowed-receivers):
     * such a receiver may stand in for a chat robot's official host (an on-premise relay, or a test's receiver).
     */
    boolean operatorAllowed(String url);
}
