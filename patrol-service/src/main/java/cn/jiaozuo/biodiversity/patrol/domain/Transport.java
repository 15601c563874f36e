package cn.jiaozuo.biodiversity.patrol.domain;

/** How a patrol moved; it sets the speed above which a GPS fix is taken for a spike. */
public enum Transport {
    FOOT("徒步"),
    VEHICLE("车辆"),
    BOAT("船只"),
    DRONE("无人机");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
