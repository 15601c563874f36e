package cn.jiaozuo.biodiversity.patrol.domain;

/** Why a patrol went out (SMART's "patrol mandate"). */
public enum Mandate {
    ROUTINE("日常巡护"),
    TARGETED("专项巡查"),
    JOINT_ENFORCEMENT("联合执法"),
    FIRE_WATCH("防火巡查");

    private final String label;

    Mandate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
