package cn.jiaozuo.biodiversity.common.geo;

/**
 * Jiaozuo and its surroundings as a WGS-84 box: the city spans about 34.8–35.5° N and
 * 112.5–113.7° E; the box adds roughly 30 km so that records just across a boundary (the Yellow
 * River shoals, the Taihang ridge) are kept, while swapped latitude/longitude or a 0,0 point are not.
 */
public final class JiaozuoArea {

    public static final double MIN_LAT = 34.5;
    public static final double MAX_LAT = 35.8;
    public static final double MIN_LON = 112.2;
    public static final double MAX_LON = 114.0;

    private JiaozuoArea() {
    }

    public static boolean contains(double lat, double lon) {
        return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
    }

    /** The message for a violation on a point outside the box, saying what went wrong. */
    public static String outsideMessage(double lat, double lon) {
        if (contains(lon, lat)) {
            return "lies outside Jiaozuo; latitude and longitude look swapped";
        }
        return "must lie in Jiaozuo or its surroundings (lat " + MIN_LAT + "–" + MAX_LAT + ", lon " + MIN_LON + "–"
                + MAX_LON + ")";
    }
}
