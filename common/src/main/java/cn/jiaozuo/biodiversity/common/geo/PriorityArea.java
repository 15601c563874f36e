package cn.jiaozuo.biodiversity.common.geo;

/** The plan's two biodiversity priority areas (第三章). */
public enum PriorityArea {
    /** 北部太行山优先区域 */
    TAIHANG("北部太行山优先区域"),
    /** 南部黄河及滩区湿地优先区域 */
    YELLOW_RIVER("南部黄河及滩区湿地优先区域");

    private final String chineseName;

    PriorityArea(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
