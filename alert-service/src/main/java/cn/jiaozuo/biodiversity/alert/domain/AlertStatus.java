package cn.jiaozuo.biodiversity.alert.domain;

/** OPEN → ACKNOWLEDGED → RESOLVED; observations aggregate into OPEN and ACKNOWLEDGED alerts only. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public boolean live() {
        return this != RESOLVED;
    }
}
