package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * What an ENFORCEMENT alert is, decided without the database: its severity and why, and what it may show. Severity,
 * the first case that holds: FIRE is CRITICAL; SNARE, TRAP and POACHING are CRITICAL when the incident concerns a
 * sensitive species, lies inside a protected area, or lies near a recent sighting of a sensitive species, else HIGH;
 * every other type is MEDIUM. {@link EnforcementAlerts} looks things up and stores.
 */
public final class EnforcementDecisions {

    /** The incident types patrol-service reports (common's IncidentSnapshot). */
    public static final Set<String> TYPES = Set.of("SNARE", "TRAP", "POACHING", "ILLEGAL_LOGGING", "ILLEGAL_GRAZING",
            "FIRE", "MINING", "ILLEGAL_TRADE", "CARCASS", "DISTURBANCE", "OTHER");

    /** The types that aim at animals, and so are worse where protected or sensitive animals are. */
    static final Set<String> AGAINST_WILDLIFE = Set.of("SNARE", "TRAP", "POACHING");

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /**
     * The severity, why, and whether the why tells of a sensitive species' sighting near the point (then the alert
     * must be generalized like the sighting: its exact point with "a sensitive species was seen within 3 km" would
     * place the animal far more precisely than the 0.1° cell).
     */
    public record Verdict(Severity severity, String reason, boolean tellsOfSighting) {
    }

    /** What the alert knows of the incident's species: nothing, or the flags observations showed. */
    public record SpeciesKnowledge(boolean named, boolean known, boolean sensitive) {

        public static final SpeciesKnowledge NONE = new SpeciesKnowledge(false, false, false);

        /**
         * Whether the alert must be generalized for the species: a sensitive one, or one no observation has shown
         * this service yet (it cannot tell, so it fails closed).
         */
        public boolean obscures() {
            return named && (!known || sensitive);
        }
    }

    private EnforcementDecisions() {
    }

    /**
     * The verdict on an incident. {@code nearRecentSensitiveSighting} is asked only for SNARE, TRAP and POACHING
     * outside protected areas and not concerning a sensitive species; {@code radiusM} and {@code windowDays} only
     * word the reason.
     */
    public static Verdict verdict(String type, String protectedAreaId, SpeciesKnowledge species,
            BooleanSupplier nearRecentSensitiveSighting, double radiusM, long windowDays) {
        if ("FIRE".equals(type)) {
            return new Verdict(Severity.CRITICAL, "Fire reported by a patrol", false);
        }
        if (!AGAINST_WILDLIFE.contains(type)) {
            return new Verdict(Severity.MEDIUM, label(type) + " reported by a patrol", false);
        }
        if (species.known() && species.sensitive()) {
            return new Verdict(Severity.CRITICAL, label(type) + " concerning a sensitive species", false);
        }
        if (protectedAreaId != null) {
            // An alert generalized for its species names no area: a protected area may be smaller than the cell.
            return new Verdict(Severity.CRITICAL, label(type) + " inside "
                    + (species.obscures() ? "a protected area" : "protected area " + protectedAreaId), false);
        }
        if (nearRecentSensitiveSighting.getAsBoolean()) {
            return new Verdict(Severity.CRITICAL, label(type) + " within " + distance(radiusM)
                    + " of a sighting of a sensitive species in the last " + windowDays + " days", true);
        }
        return new Verdict(Severity.HIGH, label(type) + " reported by a patrol", false);
    }

    /**
     * A new OPEN alert for the incident (not yet stored): generalized to the 0.1° cell, with times to the hour and
     * without patrol, incident or protected area shown, when {@code obscured}; the species' names only if known.
     */
    public static Alert open(IncidentSnapshot incident, Verdict verdict, Long speciesId, String scientificName,
            String chineseName, String speciesGroup, boolean obscured) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.rule = RuleCode.ENFORCEMENT;
        alert.severity = verdict.severity();
        alert.reason = verdict.reason();
        alert.status = AlertStatus.OPEN;
        alert.speciesId = speciesId;
        alert.scientificName = scientificName;
        alert.chineseName = chineseName;
        alert.speciesGroup = speciesGroup;
        alert.countyCode = incident.countyCode();
        alert.observationCount = 0;
        alert.incidentUuid = incident.uuid();
        alert.patrolUuid = incident.patrolUuid();
        alert.incidentType = incident.type();
        alert.incidentCount = Math.max(1, incident.count());
        alert.actionTaken = incident.actionTaken();
        alert.protectedAreaId = incident.protectedAreaId();
        alert.obscured = obscured;
        double lat = incident.location().lat();
        double lon = incident.location().lon();
        if (obscured) {
            Geoprivacy.GeneralizedPoint cell = Geoprivacy.generalize(lat, lon, incident.location().accuracyM());
            alert.lat = cell.lat();
            alert.lon = cell.lon();
            alert.accuracyM = cell.accuracyM();
        } else {
            alert.lat = lat;
            alert.lon = lon;
            alert.accuracyM = incident.location().accuracyM();
        }
        alert.firstObservedAt = alert.observedTime(incident.observedAt().atOffset(ZoneOffset.UTC));
        alert.lastObservedAt = alert.firstObservedAt;
        alert.createdAt = alert.now();
        alert.updatedAt = alert.createdAt;
        return alert;
    }

    /** How the history names the incident: not at all on an obscured alert (it leads to the exact point). */
    public static String incidentRef(Alert alert) {
        return alert.obscured ? "" : "; incident " + alert.incidentUuid + " of patrol " + alert.patrolUuid;
    }

    /** Great-circle distance in metres (haversine on the mean Earth radius; enough for kilometres). */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Degrees of latitude and longitude that surely hold a circle of {@code radiusM} around the latitude. */
    public static double[] boxDegrees(double lat, double radiusM) {
        double dLat = Math.toDegrees(radiusM / EARTH_RADIUS_M);
        double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat))));
        return new double[] {dLat, dLat / cos};
    }

    /** "Snare", "Illegal logging". */
    static String label(String type) {
        String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String distance(double metres) {
        return metres >= 1000 && metres % 100 == 0 ? java.math.BigDecimal.valueOf(metres / 1000).stripTrailingZeros()
                .toPlainString() + " km" : Math.round(metres) + " m";
    }
}
