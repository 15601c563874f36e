package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.Incident;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentCandidate;
import cn.jiaozuo.biodiversity.patrol.domain.Patrol;
import cn.jiaozuo.biodiversity.patrol.domain.TrackPoint;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Metadata;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A stored patrol as GPX 1.1 (jpx): one {@code trk} of the kept lines with their times, incidents and GPX waypoints as
 * {@code wpt}. Incidents carry their type as {@code type} and {@code name}, so a unit or app shows what they were.
 */
final class GpxWriter {

    private GpxWriter() {
    }

    static byte[] write(Patrol patrol, List<List<TrackPoint>> lines) {
        GPX.Builder gpx = GPX.builder(GPX.Version.V11, "Jiaozuo biodiversity patrol-service")
                .metadata(Metadata.builder().name("Patrol " + patrol.uuid).time(patrol.recordedAt).build());
        for (Incident i : patrol.incidents) {
            WayPoint.Builder w = WayPoint.builder().lat(i.lat).lon(i.lon).time(i.observedAt).name(i.type.name())
                    .type(i.type.name()).cmt(i.type.label() + " ×" + i.count + " (" + i.actionTaken.name() + ")");
            if (i.notes != null) {
                w.desc(i.notes);
            }
            gpx.addWayPoint(w.build());
        }
        for (IncidentCandidate c : patrol.candidates) {
            WayPoint.Builder w = WayPoint.builder().lat(c.lat).lon(c.lon);
            if (c.markedAt != null) {
                w.time(c.markedAt);
            }
            if (c.name != null) {
                w.name(c.name);
            }
            if (c.description != null) {
                w.desc(c.description);
            }
            if (c.symbol != null) {
                w.sym(c.symbol);
            }
            gpx.addWayPoint(w.build());
        }
        Track.Builder track = Track.builder().name(patrol.mandate.label() + " " + patrol.countyCode + " " + patrol.startedAt)
                .type(patrol.transport.name());
        for (List<TrackPoint> line : lines) {
            TrackSegment.Builder segment = TrackSegment.builder();
            for (TrackPoint p : line) {
                WayPoint.Builder point = WayPoint.builder().lat(p.lat()).lon(p.lon());
                if (p.time() != null) {
                    point.time(p.time());
                }
                segment.addPoint(point.build());
            }
            track.addSegment(segment.build());
        }
        gpx.addTrack(track.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            GPX.Writer.DEFAULT.write(gpx.build(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
