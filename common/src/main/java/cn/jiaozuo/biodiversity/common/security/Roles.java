package cn.jiaozuo.biodiversity.common.security;

/**
 * The roles a token's {@code groups} claim may carry. Writes always need one of them; which
 * endpoint accepts which role is declared with {@code @RolesAllowed} on the resource.
 */
public final class Roles {

    /** Field staff posting sightings and survey visits. */
    public static final String RANGER = "ranger";
    /** A monitoring station (camera trap, acoustic recorder) uploading batches. */
    public static final String STATION = "station";
    /** Verifies or rejects observations; sees exact points of sensitive species. */
    public static final String REVIEWER = "reviewer";
    /** Forestry / agriculture bureau staff: acknowledges and resolves alerts, manages subscriptions. */
    public static final String BUREAU = "bureau";
    /** Manages reference data (species, plots, stations, rules). */
    public static final String ADMIN = "admin";

    public static final String[] ALL = {RANGER, STATION, REVIEWER, BUREAU, ADMIN};

    private Roles() {
    }
}
