package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.patrol.domain.AddedIncident;
import cn.jiaozuo.biodiversity.patrol.domain.DroppedPoint;
import cn.jiaozuo.biodiversity.patrol.domain.Incident;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentCandidate;
import cn.jiaozuo.biodiversity.patrol.domain.MediaRef;
import cn.jiaozuo.biodiversity.patrol.domain.NewIncident;
import cn.jiaozuo.biodiversity.patrol.domain.NewPatrol;
import cn.jiaozuo.biodiversity.patrol.domain.Patrol;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolAccess;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolSource;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolTrack;
import cn.jiaozuo.biodiversity.patrol.domain.TrackJson;
import cn.jiaozuo.biodiversity.patrol.domain.TrackPoint;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository.SplitRow;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Between the wire and the domain: requests to {@link NewPatrol}, stored patrols to views as the caller may see them. */
@ApplicationScoped
public class PatrolMapper {

    private final Validator validator;
    private final PatrolRepository patrols;
    private final AreaRepository areas;

    public PatrolMapper(Validator validator, PatrolRepository patrols, AreaRepository areas) {
        this.validator = validator;
        this.patrols = patrols;
        this.areas = areas;
    }

    /** The command for a JSON request, as far as it can be read; {@code violations} gets what cannot. */
    NewPatrol toCommand(PatrolRequest r, List<Violation> violations) {
        for (ConstraintViolation<PatrolRequest> v : validator.validate(r)) {
            violations.add(new Violation(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
        }
        List<List<TrackPoint>> track = TrackReader.read(r.track(), violations);
        // A null incident stays in its place (validation named it), so the rules' indexes match the request's.
        List<NewIncident> incidents = r.incidents() == null ? List.of() : r.incidents().stream()
                .map(i -> i == null ? new NewIncident(null, null, null, null, null, null, null, null, List.of())
                        : new NewIncident(i.type(), i.actionTaken(), i.speciesId(),
                                i.location() == null ? null : i.location().lat(), i.location() == null ? null : i.location().lon(),
                                instant(i.observedAt()), i.count(), i.notes(), media(i.media())))
                .toList();
        return new NewPatrol(r.uuid(), PatrolSource.JSON, r.mandate(), r.transport(), r.countyCode(), r.team(),
                instant(r.startedAt()), instant(r.endedAt()), r.datum(), track, r.notes(), incidents, List.of(), null);
    }

    /** The commands of added incidents; fields of a list's items are named {@code [i].field}. */
    List<AddedIncident> toAdded(List<AddedIncidentRequest> requests, boolean asList, List<Violation> violations) {
        List<AddedIncident> added = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            AddedIncidentRequest r = requests.get(i);
            String prefix = asList ? "[" + i + "]." : "";
            if (r == null) {
                violations.add(new Violation(asList ? "[" + i + "]" : "body", "an incident is required"));
                added.add(new AddedIncident(null, new NewIncident(null, null, null, null, null, null, null, null, List.of()), null));
                continue;
            }
            for (ConstraintViolation<AddedIncidentRequest> v : validator.validate(r)) {
                violations.add(new Violation(prefix + v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
            }
            added.add(new AddedIncident(r.uuid(), new NewIncident(r.type(), r.actionTaken(), r.speciesId(),
                    r.location() == null ? null : r.location().lat(), r.location() == null ? null : r.location().lon(),
                    instant(r.observedAt()), r.count(), r.notes(), media(r.media())), r.datum()));
        }
        return added;
    }

    /** What a confirmed waypoint was; its point and time come from the waypoint. */
    NewIncident toDetails(CandidateConfirmationRequest r, List<Violation> violations) {
        for (ConstraintViolation<CandidateConfirmationRequest> v : validator.validate(r)) {
            violations.add(new Violation(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
        }
        return new NewIncident(r.type(), r.actionTaken(), r.speciesId(), null, null, null, r.count(), r.notes(), media(r.media()));
    }

    private static List<MediaRef> media(List<MediaRequest> media) {
        return media == null ? List.of() : media.stream().filter(Objects::nonNull)
                .map(m -> new MediaRef(m.url(), m.sha256() == null ? null : m.sha256().toLowerCase(Locale.ROOT))).toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The patrol as {@code caller} may see it: FULL with track and incidents when allowed and asked for, else SUMMARY. */
    PatrolView toView(Patrol p, Caller caller, boolean full) {
        return toView(p, caller, full, areas.splitsOf(List.of(p.uuid)).getOrDefault(p.uuid, List.of()));
    }

    /** Summaries of a page, their area splits read in one query. */
    List<PatrolView> toSummaries(List<Patrol> page, Caller caller) {
        Map<UUID, List<SplitRow>> splits = areas.splitsOf(page.stream().map(p -> p.uuid).toList());
        return page.stream().map(p -> toView(p, caller, false, splits.getOrDefault(p.uuid, List.of()))).toList();
    }

    private PatrolView toView(Patrol p, Caller caller, boolean full, List<SplitRow> splits) {
        boolean detail = full && PatrolAccess.mayReadDetails(p, caller);
        EffortView effort = new EffortView(p.distanceKm(), Math.round(p.durationHours() * 1000) / 1000.0, p.trackPoints,
                p.keptPoints, p.droppedPoints, p.splits, p.speedChecked, p.maxSpeedKmh);
        TrackView track = null;
        List<DroppedPointView> dropped = null;
        List<IncidentView> incidents = null;
        List<CandidateView> candidates = null;
        if (detail) {
            PatrolTrack stored = patrols.track(p.uuid);
            track = track(TrackJson.lines(stored.lines));
            dropped = TrackJson.dropped(stored.dropped).stream().map(PatrolMapper::dropped).toList();
            incidents = p.incidents.stream().map(PatrolMapper::incident).toList();
            candidates = p.candidates.stream().map(PatrolMapper::candidate).toList();
        }
        return new PatrolView(p.uuid, detail ? PatrolView.Detail.FULL : PatrolView.Detail.SUMMARY, p.source, p.mandate,
                p.transport, p.countyCode, List.copyOf(p.team), p.recordedBy, p.recordedAt, p.startedAt, p.endedAt, p.datum,
                effort, p.incidentCount, splits.stream().map(PatrolMapper::area).toList(), detail ? p.notes : null, track, dropped,
                incidents, candidates);
    }

    private static AreaEffortView area(SplitRow s) {
        return new AreaEffortView(s.kind().name(), s.areaId(), s.name(), Math.round(s.distanceM()) / 1000.0,
                Math.round(s.durationS() / 3.6) / 1000.0);
    }

    /** The patrol as a GeoJSON FeatureCollection; the caller may see it in full (the resource checked). */
    GeoJsonView toGeoJson(Patrol p, List<List<TrackPoint>> lines) {
        List<GeoJsonView.Feature> features = new ArrayList<>();
        TrackView track = track(lines);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kind", "track");
        properties.put("mandate", p.mandate.name());
        properties.put("transport", p.transport.name());
        properties.put("countyCode", p.countyCode);
        properties.put("team", List.copyOf(p.team));
        properties.put("startedAt", p.startedAt.toString());
        properties.put("endedAt", p.endedAt.toString());
        properties.put("distanceKm", p.distanceKm());
        properties.put("durationHours", Math.round(p.durationHours() * 1000) / 1000.0);
        properties.put("times", track.times() == null ? null
                : track.times().stream().map(line -> line.stream().map(String::valueOf).toList()).toList());
        features.add(new GeoJsonView.Feature("Feature", p.uuid.toString(),
                new GeoJsonView.Geometry("MultiLineString", List.copyOf(track.coordinates())), properties));
        for (Incident i : p.incidents) {
            Map<String, Object> incident = new LinkedHashMap<>();
            incident.put("kind", "incident");
            incident.put("type", i.type.name());
            incident.put("actionTaken", i.actionTaken.name());
            incident.put("speciesId", i.speciesId);
            incident.put("observedAt", i.observedAt.toString());
            incident.put("count", i.count);
            incident.put("notes", i.notes);
            features.add(new GeoJsonView.Feature("Feature", i.uuid.toString(),
                    new GeoJsonView.Geometry("Point", List.of(i.lon, i.lat)), incident));
        }
        for (IncidentCandidate c : p.candidates) {
            Map<String, Object> candidate = new LinkedHashMap<>();
            candidate.put("kind", "candidate");
            candidate.put("name", c.name);
            candidate.put("description", c.description);
            candidate.put("symbol", c.symbol);
            candidate.put("markedAt", c.markedAt == null ? null : c.markedAt.toString());
            candidate.put("suggestedType", c.suggestedType == null ? null : c.suggestedType.name());
            features.add(new GeoJsonView.Feature("Feature", c.uuid.toString(),
                    new GeoJsonView.Geometry("Point", List.of(c.lon, c.lat)), candidate));
        }
        return new GeoJsonView("FeatureCollection", features);
    }

    static TrackView track(List<List<TrackPoint>> lines) {
        boolean timed = lines.stream().flatMap(List::stream).anyMatch(p -> p.time() != null);
        List<List<List<Double>>> coordinates = new ArrayList<>(lines.size());
        List<List<Instant>> times = timed ? new ArrayList<>(lines.size()) : null;
        for (List<TrackPoint> line : lines) {
            coordinates.add(line.stream().map(p -> List.of(p.lon(), p.lat())).toList());
            if (timed) {
                times.add(line.stream().map(TrackPoint::time).toList());
            }
        }
        return new TrackView("MultiLineString", coordinates, times);
    }

    private static DroppedPointView dropped(DroppedPoint d) {
        return new DroppedPointView(d.segment(), d.index(), new LocationView(d.lat(), d.lon()), d.time(), d.reason());
    }

    static IncidentView incident(Incident i) {
        return new IncidentView(i.uuid, i.type, i.actionTaken, i.speciesId, new LocationView(i.lat, i.lon), i.observedAt, i.count,
                i.notes, i.media.stream().map(m -> new MediaView(m.url(), m.sha256())).toList(), i.protectedAreaId);
    }

    private static CandidateView candidate(IncidentCandidate c) {
        return new CandidateView(c.position, c.name, c.description, c.symbol, new LocationView(c.lat, c.lon), c.markedAt,
                c.suggestedType, c.incidentUuid);
    }
}
