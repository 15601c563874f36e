package cn.jiaozuo.biodiversity.bulletin.domain;

/** Who a bulletin is for (docs/bulletins.md, "Editions"). */
public enum Edition {
    /** The bureaus and the city government: every figure as counted. */
    INTERNAL("内部版"),
    /** Publicity work (plan 行动3): sensitive species without dates, counts below the threshold suppressed. */
    PUBLIC("公开版");

    private final String label;

    Edition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
