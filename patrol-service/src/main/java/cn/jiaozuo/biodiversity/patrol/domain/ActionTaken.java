package cn.jiaozuo.biodiversity.patrol.domain;

/** What the patrol did about an incident on the spot. */
public enum ActionTaken {
    REMOVED("已清除"),
    CONFISCATED("已收缴"),
    REPORTED_TO_POLICE("已报警"),
    NONE("未处置");

    private final String label;

    ActionTaken(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
