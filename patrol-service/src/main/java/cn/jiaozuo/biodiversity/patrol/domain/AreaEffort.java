package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository.AreaRow;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository.IncidentPlace;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Envelope;

/**
 * Patrol effort by area: splits new patrols and places new incidents by the active outlines, and re-splits the stored
 * patrols an outline change concerns. Both run in their caller's transaction (recording a patrol; the consumer applying
 * the event), serialized by {@link AreaRepository#lockOutlinesShared()} and its exclusive counterpart, so no patrol is
 * split by an outline that changes under it. A change re-reads only the patrols whose track box meets the outline's
 * box: bounded by where the area is, done once per change, and exactly once with the event.
 */
@ApplicationScoped
public class AreaEffort {

    private static final Logger LOG = Logger.getLogger(AreaEffort.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AreaRepository areas;

    public AreaEffort(AreaRepository areas) {
        this.areas = areas;
    }

    /** The active outlines for splitting new work; holds the shared lock until the caller's transaction ends. */
    public List<Area> outlinesForNewWork() {
        areas.lockOutlinesShared();
        return active(EnumSet.allOf(AreaKind.class));
    }

    /** The active outlines of {@code kinds}, read as they are now (reports). */
    public List<Area> active(Set<AreaKind> kinds) {
        List<Area> result = new ArrayList<>();
        for (AreaRow row : areas.active(kinds)) {
            try {
                result.add(Area.of(row.kind(), row.id(), row.name(), GeoJsonShapes.parse(JSON.readTree(row.geometry()))));
            } catch (JsonProcessingException | RuntimeException e) {
                // The consumer stored only outlines it could read; this is a hand-edited row.
                LOG.warnf("Area %s %s has an unreadable outline and is left out: %s", row.kind(), row.id(), e.getMessage());
            }
        }
        return result;
    }

    /** The protected area containing the point (the first by id when outlines overlap), or null. */
    public static String protectedAreaOf(double lat, double lon, List<Area> outlines) {
        return first(AreaKind.PROTECTED_AREA, lat, lon, outlines);
    }

    /** The area of {@code kind} containing the point (the first by id when outlines overlap), or null. */
    public static String first(AreaKind kind, double lat, double lon, List<Area> outlines) {
        for (Area area : outlines) {
            if (area.kind() == kind && area.covers(lat, lon)) {
                return area.id();
            }
        }
        return null;
    }

    /** Stores the splits of a new patrol's kept track by {@code outlines} (from {@link #outlinesForNewWork()}). */
    public void splitNewPatrol(UUID patrol, List<List<TrackPoint>> lines, List<Area> outlines) {
        areas.replaceSplits(patrol, AreaSplitter.split(lines, outlines));
    }

    /**
     * Applies a published state of an area: stores it unless a newer one is stored, then re-splits the stored patrols
     * and re-places the incidents it concerns. A withdrawn outline ({@code geometry} null) takes its splits with it; an
     * inactive one that keeps its outline (a retired plot) keeps the splits of the patrols walked while it was
     * monitored and gets no new ones. False when the event was older than the stored state.
     */
    public boolean outlineChanged(AreaRow row, Area outline) {
        areas.lockOutlinesExclusive();
        if (!areas.upsert(row)) {
            return false;
        }
        int removed = 0;
        int split = 0;
        if (row.geometry() == null || row.active()) {
            removed = areas.deleteSplits(row.kind(), row.id());
        }
        if (row.active() && outline != null) {
            for (UUID patrol : areas.patrolsMeeting(outline.envelope())) {
                AreaSplit s = AreaSplitter.split(TrackJson.lines(areas.trackLines(patrol)), outline);
                if (s.distanceM() > 0 || s.durationS() > 0) {
                    areas.insertSplit(patrol, s);
                    split++;
                }
            }
        }
        if (row.kind() == AreaKind.PROTECTED_AREA) {
            placeIncidents(row.id(), row.active() && outline != null ? outline.envelope() : null);
        }
        LOG.debugf("Area %s %s changed: %d splits removed, %d patrols split", row.kind(), row.id(), removed, split);
        return true;
    }

    private void placeIncidents(String id, Envelope box) {
        List<Area> protectedAreas = active(EnumSet.of(AreaKind.PROTECTED_AREA));
        for (IncidentPlace incident : areas.incidentsToPlace(id, box)) {
            String now = protectedAreaOf(incident.lat(), incident.lon(), protectedAreas);
            if (!Objects.equals(now, incident.protectedAreaId())) {
                areas.placeIncident(incident.uuid(), now);
            }
        }
    }
}
