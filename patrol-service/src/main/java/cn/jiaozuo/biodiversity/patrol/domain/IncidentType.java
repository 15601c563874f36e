package cn.jiaozuo.biodiversity.patrol.domain;

/** What a patrol found (plan 行动20: poaching, illegal trade, habitat damage, fire). */
public enum IncidentType {
    SNARE("猎套"),
    TRAP("猎夹/陷阱"),
    POACHING("盗猎"),
    ILLEGAL_LOGGING("盗伐"),
    ILLEGAL_GRAZING("违规放牧"),
    FIRE("火情"),
    MINING("非法采矿"),
    ILLEGAL_TRADE("非法交易"),
    CARCASS("动物尸体"),
    DISTURBANCE("人为干扰"),
    OTHER("其他");

    private final String label;

    IncidentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
