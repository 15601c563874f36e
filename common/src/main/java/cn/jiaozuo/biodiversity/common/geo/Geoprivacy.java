package cn.jiaozuo.biodiversity.common.geo;

/**
 * Generalization of sensitive species' points, as GBIF's sensitive-data guidance recommends:
 * the point is replaced by the centre of its 0.1° grid cell (deterministic, so repeated reads do not
 * leak the point by averaging) and the uncertainty widened to cover the whole cell (an uncertainty larger
 * than that is rounded up to whole kilometres).
 */
public final class Geoprivacy {

    /** Cell size in degrees. */
    public static final double CELL_DEGREES = 0.1;
    private static final double METRES_PER_DEGREE = 111_320.0;

    private Geoprivacy() {
    }

    /** A point after generalization: the cell centre and an uncertainty that covers the cell. */
    public record GeneralizedPoint(double lat, double lon, double accuracyM) {
    }

    public static GeneralizedPoint generalize(double lat, double lon, Double accuracyM) {
        double cellLat = centre(lat);
        double cellLon = centre(lon);
        double halfLatM = CELL_DEGREES / 2 * METRES_PER_DEGREE;
        double halfLonM = CELL_DEGREES / 2 * METRES_PER_DEGREE * Math.cos(Math.toRadians(cellLat));
        double halfDiagonal = Math.ceil(Math.hypot(halfLatM, halfLonM));
        // A coarser accuracy than the cell is kept, but only in whole kilometres: an odd value such as 8123.4 would be
        // a fingerprint that ties the generalized record to an exact one sent with the same accuracy.
        double accuracy = accuracyM == null || !(accuracyM > halfDiagonal) ? halfDiagonal
                : Math.ceil(accuracyM / 1000) * 1000;
        return new GeneralizedPoint(cellLat, cellLon, accuracy);
    }

    private static double centre(double degrees) {
        double cell = Math.floor(degrees / CELL_DEGREES + 1e-9);
        // Round to 2 decimals so the centre prints as e.g. 35.25, not 35.250000000000004.
        return Math.round((cell * CELL_DEGREES + CELL_DEGREES / 2) * 100.0) / 100.0;
    }
}
