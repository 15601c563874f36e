package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Splits a kept track by areas. Each leg between two kept points is intersected with the outline (JTS, planar in
 * degrees, which is where a leg of a few metres meets a boundary); the parts inside are measured geodesically
 * ({@link GeodesicDistance}) and get the leg's time in proportion to their length. A leg whose ends have no times adds
 * no time. Legs are never drawn between the lines of a track (a split, or another GPX segment), as for its distance.
 */
public final class AreaSplitter {

    private AreaSplitter() {
    }

    /** The splits of {@code lines} by each area the track enters; areas it never enters are left out. */
    public static List<AreaSplit> split(List<List<TrackPoint>> lines, List<Area> areas) {
        Envelope box = box(lines);
        List<AreaSplit> splits = new ArrayList<>();
        if (box == null) {
            return splits;
        }
        for (Area area : areas) {
            if (!area.envelope().intersects(box)) {
                continue;
            }
            AreaSplit split = split(lines, area);
            if (split.distanceM() > 0 || split.durationS() > 0) {
                splits.add(split);
            }
        }
        return splits;
    }

    /** The track's box ({@code x} longitude, {@code y} latitude), or null without a kept point. */
    public static Envelope box(List<List<TrackPoint>> lines) {
        Envelope box = null;
        for (List<TrackPoint> line : lines) {
            for (TrackPoint p : line) {
                if (box == null) {
                    box = new Envelope(p.lon(), p.lon(), p.lat(), p.lat());
                } else {
                    box.expandToInclude(p.lon(), p.lat());
                }
            }
        }
        return box;
    }

    static AreaSplit split(List<List<TrackPoint>> lines, Area area) {
        Envelope outline = area.envelope();
        double metres = 0;
        double seconds = 0;
        for (List<TrackPoint> line : lines) {
            for (int i = 1; i < line.size(); i++) {
                TrackPoint a = line.get(i - 1);
                TrackPoint b = line.get(i);
                if (!outline.intersects(new Envelope(a.lon(), b.lon(), a.lat(), b.lat()))) {
                    continue;
                }
                double leg = GeodesicDistance.metres(a.lat(), a.lon(), b.lat(), b.lon());
                double legSeconds = a.time() != null && b.time() != null ? Duration.between(a.time(), b.time()).toMillis() / 1000.0 : 0;
                double inside;
                double share;
                if (leg == 0) {
                    inside = 0;
                    share = area.covers(a.lat(), a.lon()) ? 1 : 0; // standing still: the time counts where the ranger stood
                } else {
                    LineString segment = GeoJsonShapes.FACTORY.createLineString(new Coordinate[] {
                            new Coordinate(a.lon(), a.lat()), new Coordinate(b.lon(), b.lat())});
                    if (area.prepared().containsProperly(segment)) {
                        inside = leg;
                    } else if (!area.prepared().intersects(segment)) {
                        inside = 0;
                    } else {
                        inside = length(area.geometry().intersection(segment));
                    }
                    share = Math.min(1, inside / leg);
                }
                metres += inside;
                seconds += legSeconds * share;
            }
        }
        return new AreaSplit(area.kind(), area.id(), metres, seconds);
    }

    /** Geodesic length of the linear parts of an intersection (points where a leg only touches the outline count 0). */
    private static double length(Geometry parts) {
        double metres = 0;
        for (int i = 0; i < parts.getNumGeometries(); i++) {
            if (parts.getGeometryN(i) instanceof LineString piece) {
                Coordinate[] c = piece.getCoordinates();
                for (int j = 1; j < c.length; j++) {
                    metres += GeodesicDistance.metres(c[j - 1].y, c[j - 1].x, c[j].y, c[j].x);
                }
            }
        }
        return metres;
    }
}
