package cn.jiaozuo.biodiversity.common.geo;

/**
 * GCJ-02, the obfuscated datum of Chinese map SDKs (Amap, Tencent, …). Only the forward transform
 * WGS-84 → GCJ-02 is public; the inverse is found by fixed-point iteration on it, which converges
 * to well below a millimetre in a few steps (the offset changes slowly with position). Shared: sightings
 * (observation-service) and patrol tracks and incidents (patrol-service) accept GCJ-02 alike.
 */
public final class Gcj02 {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Gcj02() {
    }

    /** A latitude/longitude pair in degrees. */
    public record LatLon(double lat, double lon) {
    }

    /** WGS-84 → GCJ-02, the standard published transform. Points outside China are not shifted. */
    public static LatLon fromWgs84(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new LatLon(lat, lon);
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LatLon(lat + dLat, lon + dLon);
    }

    /** GCJ-02 → WGS-84 by inverting {@link #fromWgs84} iteratively; error far below one metre. */
    public static LatLon toWgs84(double lat, double lon) {
        double wLat = lat;
        double wLon = lon;
        for (int i = 0; i < 30; i++) {
            LatLon forward = fromWgs84(wLat, wLon);
            double errLat = forward.lat() - lat;
            double errLon = forward.lon() - lon;
            wLat -= errLat;
            wLon -= errLon;
            if (Math.abs(errLat) < 1e-10 && Math.abs(errLon) < 1e-10) {
                break;
            }
        }
        return new LatLon(wLat, wLon);
    }

    /** Great-circle distance in metres (haversine), used to state conversion accuracy. */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
