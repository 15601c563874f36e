package cn.jiaozuo.biodiversity.common.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GCJ-02 transform on its own: the shift, its inversion, where it does not apply, and the distance it is judged by. */
class Gcj02Test {

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
        "焦作 city centre, 35.2159, 113.2418",
        "云台山, 35.4278, 113.3914",
        "孟州 Yellow River shoals, 34.8956, 112.7876",
        "Harbin, 45.8038, 126.5350",
        "Urumqi, 43.8256, 87.6168",
        "Haikou, 20.0440, 110.1999",
        "Lhasa, 29.6520, 91.1721"})
    void the_inverse_returns_the_wgs84_point_within_a_centimetre(String place, double lat, double lon) {
        Gcj02.LatLon gcj = Gcj02.fromWgs84(lat, lon);
        double shift = Gcj02.distanceM(lat, lon, gcj.lat(), gcj.lon());
        assertTrue(shift > 1 && shift < 1000, place + " is shifted by " + shift + " m");
        Gcj02.LatLon back = Gcj02.toWgs84(gcj.lat(), gcj.lon());
        assertTrue(Gcj02.distanceM(lat, lon, back.lat(), back.lon()) < 0.01, place + " returns within 1 cm");
    }

    /** The box is the published transform's (72.004–137.8347° E, 0.8293–55.8271° N): Seoul or Singapore lie inside it. */
    @ParameterizedTest(name = "{0}: not shifted")
    @CsvSource({
        "Tokyo, 35.6762, 139.6503",
        "Moscow, 55.7558, 37.6173",
        "Anchorage, 61.2181, -149.9003",
        "the equator, 0.5, 110",
        "north of the box, 56, 120",
        "west of the box, 40, 72",
        "0 0, 0, 0"})
    void points_outside_the_published_box_are_not_shifted_either_way(String place, double lat, double lon) {
        assertEquals(new Gcj02.LatLon(lat, lon), Gcj02.fromWgs84(lat, lon));
        assertEquals(new Gcj02.LatLon(lat, lon), Gcj02.toWgs84(lat, lon));
    }

    @ParameterizedTest(name = "{0}, {1} → {2}, {3}: {4} m")
    @CsvSource({
        "35.2159, 113.2418, 35.2159, 113.2418, 0",
        "35, 113, 36, 113, 111195", // one degree of latitude
        "0, 0, 0, 1, 111195", // one degree of longitude on the equator
        "60, 0, 60, 1, 55597", // half as much at 60° N
        "0, 0, 0, 180, 20015114", // half the circumference
        "90, 0, -90, 0, 20015114"})
    void distances_are_great_circle_metres(double lat1, double lon1, double lat2, double lon2, double metres) {
        assertEquals(metres, Gcj02.distanceM(lat1, lon1, lat2, lon2), 1);
        assertEquals(metres, Gcj02.distanceM(lat2, lon2, lat1, lon1), 1, "symmetric");
    }
}
