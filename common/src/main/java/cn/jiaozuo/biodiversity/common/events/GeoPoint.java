package cn.jiaozuo.biodiversity.common.events;

/**
 * A WGS-84 point: exact on internal topics; on {@link Topics#OBSERVATIONS_PUBLIC} the 0.1° cell centre for
 * generalized records (then {@code originalDatum} is null).
 *
 * @param accuracyM     radius of uncertainty in metres, may be null
 * @param originalDatum the datum the client sent (WGS84 or GCJ02); the coordinates are WGS-84
 */
public record GeoPoint(double lat, double lon, Double accuracyM, String originalDatum) {
}
