package cn.jiaozuo.biodiversity.alert.domain;

/**
 * The one way domain code publishes an alert event ({@code EventTypes.ALERT_*}). Called inside the transaction
 * that changed the alert; the implementation (module messaging) writes the event where it commits or vanishes with
 * that change: the outbox row for topic {@code alerts} and one webhook delivery per matching subscription.
 */
public interface AlertEvents {

    void publish(String type, Alert alert);
}
