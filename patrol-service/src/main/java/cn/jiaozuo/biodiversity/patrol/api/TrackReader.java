package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.patrol.domain.TrackPoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request's GeoJSON track into lines of points (in the request's datum), naming each bad position by its
 * path ({@code track.coordinates[1][40]}). At most {@value #MAX_REPORTED} bad positions are reported: a track with
 * 30,000 broken points needs one message, not 30,000.
 */
final class TrackReader {

    static final int MAX_REPORTED = 10;

    private TrackReader() {
    }

    /** Positions in the track, counted before anything is read, so that an oversized track is refused at once. */
    static int count(JsonNode track) {
        if (track == null || !track.isObject()) {
            return 0;
        }
        JsonNode coordinates = track.path("coordinates");
        if ("MultiLineString".equals(track.path("type").asText())) {
            int n = 0;
            for (JsonNode line : coordinates) {
                n += line.isArray() ? line.size() : 0;
            }
            return n;
        }
        return coordinates.isArray() ? coordinates.size() : 0;
    }

    /** The lines of the track, or null when it is unreadable (the violations say why). */
    static List<List<TrackPoint>> read(JsonNode track, List<Violation> violations) {
        if (track == null || track.isNull()) {
            return null; // "must not be null" comes from the request's validation
        }
        if (!track.isObject()) {
            violations.add(new Violation("track", "must be a GeoJSON LineString or MultiLineString object"));
            return null;
        }
        String type = track.path("type").asText("");
        boolean multi = type.equals("MultiLineString");
        if (!multi && !type.equals("LineString")) {
            violations.add(new Violation("track.type", "must be LineString or MultiLineString"));
            return null;
        }
        JsonNode coordinates = track.path("coordinates");
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            violations.add(new Violation("track.coordinates", multi ? "must be a non-empty array of lines" : "must be an array of positions"));
            return null;
        }
        JsonNode times = track.path("times");
        boolean timed = !times.isMissingNode() && !times.isNull();
        if (timed && (!times.isArray() || times.size() != coordinates.size())) {
            violations.add(new Violation("track.times", "must have the shape of coordinates: one time (or null) per position"));
            return null;
        }
        int before = violations.size();
        List<List<TrackPoint>> lines = new ArrayList<>();
        if (multi) {
            for (int i = 0; i < coordinates.size(); i++) {
                JsonNode lineTimes = timed ? times.get(i) : null;
                if (timed && (!lineTimes.isArray() || lineTimes.size() != coordinates.get(i).size())) {
                    violations.add(new Violation("track.times[" + i + "]", "must have one time (or null) per position of its line"));
                    continue;
                }
                lines.add(line(coordinates.get(i), lineTimes, "[" + i + "]", violations, before));
            }
        } else {
            lines.add(line(coordinates, timed ? times : null, "", violations, before));
        }
        return violations.size() > before ? null : lines;
    }

    private static List<TrackPoint> line(JsonNode positions, JsonNode times, String path, List<Violation> violations, int before) {
        if (!positions.isArray() || positions.size() < 2) {
            violations.add(new Violation("track.coordinates" + path, "a line needs at least two positions"));
            return List.of();
        }
        List<TrackPoint> points = new ArrayList<>(positions.size());
        for (int j = 0; j < positions.size(); j++) {
            String at = path + "[" + j + "]";
            JsonNode p = positions.get(j);
            boolean report = violations.size() - before < MAX_REPORTED;
            if (!p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || (p.size() == 3 && !p.get(2).isNumber())) {
                if (report) {
                    violations.add(new Violation("track.coordinates" + at, "must be [longitude, latitude] or [longitude, latitude, altitude] in numbers"));
                }
                continue;
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                if (report) {
                    boolean swapped = Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
                    violations.add(new Violation("track.coordinates" + at, swapped
                            ? "latitude must lie within ±90; GeoJSON positions are [longitude, latitude], these look swapped"
                            : "longitude must lie within ±180 and latitude within ±90"));
                }
                continue;
            }
            Instant time = null;
            if (times != null && !times.get(j).isNull()) {
                time = time(times.get(j));
                if (time == null) {
                    if (report) {
                        violations.add(new Violation("track.times" + at, "must be an ISO-8601 date-time with offset in the years"
                                + " 1900 to 2199, e.g. 2025-05-14T07:30:05+08:00, or null"));
                    }
                    continue;
                }
            }
            points.add(new TrackPoint(lat, lon, time));
        }
        return points;
    }

    private static Instant time(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value.asText()).toInstant();
            return QueryValues.supported(instant) ? instant : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
