package cn.jiaozuo.biodiversity.patrol.domain;

/**
 * Distance on the WGS-84 ellipsoid by Vincenty's inverse formula (Survey Review 23(176), 1975), accurate to well
 * under a millimetre for the short legs of a GPS track. The iteration does not converge for nearly antipodal points;
 * no two points in Jiaozuo are, but such a pair still gets the great-circle distance on the mean sphere (error under
 * 0.5 %) rather than an exception.
 */
public final class GeodesicDistance {

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double B = A * (1 - F);
    private static final double MEAN_RADIUS = (2 * A + B) / 3;

    private GeodesicDistance() {
    }

    /** Metres between two WGS-84 points given in degrees. */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        if (lat1 == lat2 && lon1 == lon2) {
            return 0;
        }
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        for (int i = 0; i < 200; i++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            double sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2)
                    + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) {
                return 0; // coincident points
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cosSqAlpha = 1 - sinAlpha * sinAlpha;
            // On the equator cos²α is 0 and the term is undefined; its limit is 0.
            double cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            double previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < 1e-12) {
                double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                        - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * bigA * (sigma - deltaSigma);
            }
        }
        return greatCircle(lat1, lon1, lat2, lon2);
    }

    static double greatCircle(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
