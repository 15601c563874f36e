package cn.jiaozuo.biodiversity.common.geo;

import java.util.Arrays;
import java.util.Optional;

/**
 * Jiaozuo's ten county-level divisions with their GB/T 2260 codes and the priority area each lies
 * in. Services validate county codes against it; sampling-plot-service also seeds them into its
 * {@code county} table (a test keeps the two equal).
 */
public enum JiaozuoCounty {
    JIEFANG("410802", "解放区", "Jiefang District", null),
    ZHONGZHAN("410803", "中站区", "Zhongzhan District", PriorityArea.TAIHANG),
    MACUN("410804", "马村区", "Macun District", null),
    SHANYANG("410811", "山阳区", "Shanyang District", null),
    XIUWU("410821", "修武县", "Xiuwu County", PriorityArea.TAIHANG),
    BOAI("410822", "博爱县", "Bo'ai County", PriorityArea.TAIHANG),
    WUZHI("410823", "武陟县", "Wuzhi County", PriorityArea.YELLOW_RIVER),
    WENXIAN("410825", "温县", "Wen County", PriorityArea.YELLOW_RIVER),
    QINYANG("410882", "沁阳市", "Qinyang City", PriorityArea.TAIHANG),
    MENGZHOU("410883", "孟州市", "Mengzhou City", PriorityArea.YELLOW_RIVER);

    private final String code;
    private final String chineseName;
    private final String englishName;
    private final PriorityArea priorityArea;

    JiaozuoCounty(String code, String chineseName, String englishName, PriorityArea priorityArea) {
        this.code = code;
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.priorityArea = priorityArea;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    /** Null for the three urban districts outside both priority areas. */
    public PriorityArea priorityArea() {
        return priorityArea;
    }

    public static Optional<JiaozuoCounty> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static boolean isValid(String code) {
        return byCode(code).isPresent();
    }
}
