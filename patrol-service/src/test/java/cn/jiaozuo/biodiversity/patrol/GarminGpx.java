package cn.jiaozuo.biodiversity.patrol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GPX 1.1 as Garmin's handhelds write it (GPSMAP 66i / GPSMAP 65 / eTrex 32x firmware, "Current Track" saved to
 * {@code /Garmin/GPX/Track_*.gpx}): the {@code creator} and namespace declarations, {@code metadata/link} to
 * garmin.com, waypoints with {@code ele}, {@code time}, {@code name}, {@code cmt}, {@code sym}, {@code type user}
 * and the {@code gpxx:WaypointExtension} / {@code wptx1:WaypointExtension} blocks, tracks named
 * "Current Track: DD MMM YYYY HH:MM" with a {@code gpxx:TrackExtension} display colour, and track points with
 * six-decimal coordinates, {@code ele}, whole-second UTC {@code time} and a {@code gpxtpx:TrackPointExtension}
 * (air temperature). Made here so that tests need no file from a device; the dialect is what matters to the reader.
 */
final class GarminGpx {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TRACK_NAME = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.ofHours(8));

    record Fix(double lat, double lon, Instant time) {
    }

    record Waypoint(String name, String comment, String symbol, double lat, double lon, Instant time) {
    }

    private final List<Waypoint> waypoints = new ArrayList<>();
    private final List<List<Fix>> segments = new ArrayList<>();

    GarminGpx waypoint(String name, String comment, String symbol, double lat, double lon, Instant time) {
        waypoints.add(new Waypoint(name, comment, symbol, lat, lon, time));
        return this;
    }

    GarminGpx segment(List<Fix> fixes) {
        segments.add(fixes);
        return this;
    }

    /** {@code count} fixes {@code seconds} apart from (lat, lon), each {@code step} degrees further north and east. */
    static List<Fix> walk(double lat, double lon, Instant from, int count, int seconds, double step) {
        List<Fix> fixes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fixes.add(new Fix(lat + i * step, lon + i * step, from.plusSeconds((long) i * seconds)));
        }
        return fixes;
    }

    String xml() {
        Instant first = segments.stream().flatMap(List::stream).map(Fix::time).filter(t -> t != null).findFirst().orElse(Instant.EPOCH);
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n")
                .append("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxx=\"http://www.garmin.com/xmlschemas/GpxExtensions/v3\"")
                .append(" xmlns:wptx1=\"http://www.garmin.com/xmlschemas/WaypointExtension/v1\"")
                .append(" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\" creator=\"GPSMAP 66i\" version=\"1.1\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1")
                .append(" http://www.topografix.com/GPX/1/1/gpx.xsd http://www.garmin.com/xmlschemas/GpxExtensions/v3")
                .append(" http://www8.garmin.com/xmlschemas/GpxExtensionsv3.xsd http://www.garmin.com/xmlschemas/WaypointExtension/v1")
                .append(" http://www8.garmin.com/xmlschemas/WaypointExtensionv1.xsd http://www.garmin.com/xmlschemas/TrackPointExtension/v1")
                .append(" http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd\">\n")
                .append("  <metadata>\n    <link href=\"http://www.garmin.com\">\n      <text>Garmin International</text>\n    </link>\n")
                .append("    <time>").append(TIME.format(first)).append("</time>\n  </metadata>\n");
        for (Waypoint w : waypoints) {
            x.append("  <wpt lat=\"").append(coordinate(w.lat())).append("\" lon=\"").append(coordinate(w.lon())).append("\">\n")
                    .append("    <ele>834.12</ele>\n");
            if (w.time() != null) {
                x.append("    <time>").append(TIME.format(w.time())).append("</time>\n");
            }
            x.append("    <name>").append(w.name()).append("</name>\n");
            if (w.comment() != null) {
                x.append("    <cmt>").append(w.comment()).append("</cmt>\n");
            }
            x.append("    <sym>").append(w.symbol()).append("</sym>\n    <type>user</type>\n    <extensions>\n")
                    .append("      <gpxx:WaypointExtension>\n        <gpxx:DisplayMode>SymbolAndName</gpxx:DisplayMode>\n")
                    .append("      </gpxx:WaypointExtension>\n      <wptx1:WaypointExtension>\n")
                    .append("        <wptx1:DisplayMode>SymbolAndName</wptx1:DisplayMode>\n      </wptx1:WaypointExtension>\n")
                    .append("    </extensions>\n  </wpt>\n");
        }
        x.append("  <trk>\n    <name>Current Track: ").append(TRACK_NAME.format(first).toUpperCase(Locale.ENGLISH)).append("</name>\n")
                .append("    <extensions>\n      <gpxx:TrackExtension>\n        <gpxx:DisplayColor>Cyan</gpxx:DisplayColor>\n")
                .append("      </gpxx:TrackExtension>\n    </extensions>\n");
        for (List<Fix> segment : segments) {
            x.append("    <trkseg>\n");
            for (Fix f : segment) {
                x.append("      <trkpt lat=\"").append(coordinate(f.lat())).append("\" lon=\"").append(coordinate(f.lon())).append("\">\n")
                        .append("        <ele>812.34</ele>\n");
                if (f.time() != null) {
                    x.append("        <time>").append(TIME.format(f.time())).append("</time>\n");
                }
                x.append("        <extensions>\n          <gpxtpx:TrackPointExtension>\n            <gpxtpx:atemp>18.0</gpxtpx:atemp>\n")
                        .append("          </gpxtpx:TrackPointExtension>\n        </extensions>\n      </trkpt>\n");
            }
            x.append("    </trkseg>\n");
        }
        return x.append("  </trk>\n</gpx>\n").toString();
    }

    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }
}
