package cn.jiaozuo.biodiversity.alert.domain;

/** A webhook delivery waits (PENDING, also between retries), succeeded, or gave up after the last try. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
