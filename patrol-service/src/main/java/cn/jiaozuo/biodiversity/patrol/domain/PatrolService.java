package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.patrol.config.PatrolConfig;
import cn.jiaozuo.biodiversity.patrol.repository.PatrolRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;

/**
 * Records patrols: checks the rules, converts GCJ-02 to WGS-84, cleans the track, stores the patrol with its track
 * and incidents and hands it to {@link PatrolEvents}, all in one transaction. Idempotent per key: a JSON patrol's
 * uuid, a GPX upload's file and caller. The same content again is a replay (the stored patrol, nothing new); other
 * content under the same key is a 409.
 */
@ApplicationScoped
public class PatrolService {

    private final PatrolRepository patrols;
    private final PatrolRules rules;
    private final PatrolEvents events;
    private final PatrolConfig config;
    private final AreaEffort areaEffort;

    public PatrolService(PatrolRepository patrols, PatrolRules rules, PatrolEvents events, PatrolConfig config,
            AreaEffort areaEffort) {
        this.patrols = patrols;
        this.rules = rules;
        this.events = events;
        this.config = config;
        this.areaEffort = areaEffort;
    }

    /** The outcome of a record: the stored patrol, and whether this call stored it (false: a replay). */
    public record Recorded(Patrol patrol, boolean created) {
    }

    /**
     * Stores a patrol whose request passed its own validation; {@code violations} are those the request's shape
     * already broke, reported together with the rules' own.
     */
    @Transactional
    public Recorded record(NewPatrol command, List<Violation> violations, Caller caller, Instant now) {
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(rules.check(command, now));
        if (!all.isEmpty()) {
            all.sort(Comparator.comparing(Violation::field));
            throw ProblemException.badRequest(all);
        }
        String hash = command.contentHash();
        Optional<Patrol> existing;
        if (command.source() == PatrolSource.GPX) {
            patrols.lockKey("gpx:" + caller.subject() + ":" + command.gpxSha256());
            existing = patrols.findGpx(caller.subject(), command.gpxSha256());
        } else {
            patrols.lockKey("patrol:" + command.uuid());
            existing = patrols.findByIdOptional(command.uuid());
        }
        if (existing.isPresent()) {
            Patrol stored = existing.get();
            if (!Objects.equals(stored.recordedBy, caller.subject()) || !stored.contentHash.equals(hash)) {
                throw ProblemException.conflict(command.source() == PatrolSource.GPX
                        ? "This file was uploaded before as patrol " + stored.uuid + " with other details (mandate,"
                                + " transport, county, team, times, datum or notes); it is stored once per ranger"
                        : "Patrol " + command.uuid() + " exists with other content or from another caller;"
                                + " a new patrol needs a new uuid");
            }
            return new Recorded(stored, false);
        }
        Datum datum = command.datumOrDefault();
        List<List<TrackPoint>> track = command.track().stream()
                .map(line -> line.stream().map(p -> PatrolRules.wgs84(p, datum)).toList()).toList();
        double maxSpeed = config.maxSpeedKmh().of(command.transport());
        CleanTrack clean = TrackCleaner.clean(track, maxSpeed, command.startedAt().minus(config.timeTolerance()),
                command.endedAt().plus(config.timeTolerance()));
        Patrol patrol = build(command, clean, maxSpeed, caller, now, hash);
        Envelope box = AreaSplitter.box(clean.lines());
        if (box != null) {
            patrol.minLat = box.getMinY();
            patrol.maxLat = box.getMaxY();
            patrol.minLon = box.getMinX();
            patrol.maxLon = box.getMaxX();
        }
        List<Area> outlines = areaEffort.outlinesForNewWork();
        patrol.incidents.forEach(i -> i.protectedAreaId = AreaEffort.protectedAreaOf(i.lat, i.lon, outlines));
        patrols.persist(patrol);
        PatrolTrack stored = new PatrolTrack();
        stored.patrolUuid = patrol.uuid;
        stored.lines = TrackJson.lines(clean.lines());
        stored.dropped = TrackJson.dropped(clean.dropped());
        patrols.persistTrack(stored);
        patrols.flush(); // the splits are written in SQL and refer to the patrol
        areaEffort.splitNewPatrol(patrol.uuid, clean.lines(), outlines);
        events.recorded(patrol);
        return new Recorded(patrol, true);
    }

    /** The outcome of adding incidents: all of them as stored (replays included), and whether any is new. */
    public record Added(Patrol patrol, List<Incident> incidents, boolean created) {
    }

    /**
     * Adds incidents to a stored patrol (the recorder or a team member): each is idempotent by its client uuid, the same
     * incident again is a replay, the same uuid with other content (or on another patrol, or from another ranger) a 409.
     * New ones raise IncidentReported. {@code violations} are those the request's shape already broke; {@code asList} says
     * whether the body was a list (fields are then named {@code [2].observedAt}) or one incident ({@code observedAt}).
     */
    @Transactional
    public Added addIncidents(UUID patrolUuid, List<AddedIncident> added, boolean asList, List<Violation> violations, Caller caller,
            Instant now) {
        Patrol patrol = patrolForAdding(patrolUuid, caller);
        List<Violation> all = new ArrayList<>(violations);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < added.size(); i++) {
            String prefix = asList ? "[" + i + "]." : "";
            AddedIncident a = added.get(i);
            if (a.uuid() != null && !seen.add(a.uuid())) {
                all.add(new Violation(prefix + "uuid", "names an incident already listed in this request"));
            }
            rules.checkAdded(a.incident(), a.datumOrDefault(), patrol, prefix, now, all);
        }
        if (!all.isEmpty()) {
            all.sort(Comparator.comparing(Violation::field));
            throw ProblemException.badRequest(all);
        }
        if (patrol.incidents.size() + added.size() > config.maxIncidents()) {
            throw ProblemException.tooLarge("A patrol holds at most " + config.maxIncidents() + " incidents; this one has "
                    + patrol.incidents.size() + ".");
        }
        // The patrol's lock orders additions to it (positions, count); the incidents' locks, taken after it and in uuid
        // order, make two requests with one uuid for different patrols find each other instead of failing on the key.
        patrols.lockKey("patrol:" + patrol.uuid);
        added.stream().map(AddedIncident::uuid).sorted().forEach(uuid -> patrols.lockKey("incident:" + uuid));
        int position = patrols.nextIncidentPosition(patrol.uuid);
        List<Area> outlines = areaEffort.outlinesForNewWork();
        List<Incident> result = new ArrayList<>();
        List<Incident> created = new ArrayList<>();
        for (AddedIncident a : added) {
            String hash = a.contentHash();
            Optional<Incident> existing = patrols.incident(a.uuid());
            if (existing.isPresent()) {
                Incident stored = existing.get();
                if (!stored.patrol.uuid.equals(patrol.uuid) || !hash.equals(stored.contentHash)
                        || !caller.subject().equals(stored.addedBy)) {
                    throw ProblemException.conflict("Incident " + a.uuid() + " exists with other content, on another patrol or"
                            + " from another ranger; a new incident needs a new uuid");
                }
                result.add(stored);
                continue;
            }
            NewIncident n = a.incident();
            TrackPoint at = PatrolRules.wgs84(new TrackPoint(n.lat(), n.lon(), null), a.datumOrDefault());
            Incident incident = incident(patrol, a.uuid(), n, at, position++);
            incident.addedBy = caller.subject();
            incident.contentHash = hash;
            incident.sentDatum = a.datumOrDefault();
            incident.protectedAreaId = AreaEffort.protectedAreaOf(incident.lat, incident.lon, outlines);
            patrols.persistIncident(incident);
            patrol.incidents.add(incident);
            result.add(incident);
            created.add(incident);
        }
        if (!created.isEmpty()) {
            patrol.incidentCount = position; // positions run from 0 without gaps
            events.incidentsAdded(patrol, created);
        }
        return new Added(patrol, result, !created.isEmpty());
    }

    /**
     * Confirms a GPX waypoint as an incident at its point and time: what it was ({@code type}, the action taken …) comes
     * from {@code details} (point and time there are ignored). A candidate is confirmed once; again is a 409.
     */
    @Transactional
    public Added confirmCandidate(UUID patrolUuid, int position, NewIncident details, List<Violation> violations, Caller caller,
            Instant now) {
        Patrol patrol = patrolForAdding(patrolUuid, caller);
        IncidentCandidate candidate = patrol.candidates.stream().filter(c -> c.position == position).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Patrol " + patrol.uuid + " has no waypoint candidate " + position));
        List<Violation> all = new ArrayList<>(violations);
        if (candidate.markedAt == null) {
            all.add(new Violation("observedAt", "the waypoint has no time: an incident needs one"));
        }
        NewIncident n = new NewIncident(details.type(), details.actionTaken(), details.speciesId(), candidate.lat, candidate.lon,
                candidate.markedAt, details.count(), details.notes(), details.media());
        rules.checkAdded(n, Datum.WGS84, patrol, "", now, all); // the candidate's point is stored in WGS-84
        if (!all.isEmpty()) {
            all.sort(Comparator.comparing(Violation::field));
            throw ProblemException.badRequest(all);
        }
        patrols.lockKey("patrol:" + patrol.uuid);
        patrols.refreshCandidate(candidate); // another confirmation may have committed while this one waited
        if (candidate.incidentUuid != null) {
            throw ProblemException.conflict("Waypoint candidate " + position + " was confirmed before as incident "
                    + candidate.incidentUuid);
        }
        List<Area> outlines = areaEffort.outlinesForNewWork();
        int next = patrols.nextIncidentPosition(patrol.uuid);
        Incident incident = incident(patrol, UUID.randomUUID(), n, new TrackPoint(candidate.lat, candidate.lon, null), next);
        incident.addedBy = caller.subject();
        incident.protectedAreaId = AreaEffort.protectedAreaOf(incident.lat, incident.lon, outlines);
        patrols.persistIncident(incident);
        patrol.incidents.add(incident);
        patrol.incidentCount = next + 1;
        candidate.incidentUuid = incident.uuid;
        events.incidentsAdded(patrol, List.of(incident));
        return new Added(patrol, List.of(incident), true);
    }

    /** The patrol, if the caller is its recorder or on its team: others may know it exists, not write to it. */
    private Patrol patrolForAdding(UUID uuid, Caller caller) {
        Patrol patrol = patrols.findByIdOptional(uuid).orElseThrow(() -> ProblemException.notFound("No patrol " + uuid));
        if (caller.subject() == null || !(caller.subject().equals(patrol.recordedBy) || patrol.team.contains(caller.subject()))) {
            throw new ProblemException(403, "Only the ranger who recorded patrol " + uuid + " and its team may add incidents to it");
        }
        return patrol;
    }

    private static Incident incident(Patrol patrol, UUID uuid, NewIncident n, TrackPoint at, int position) {
        Incident incident = new Incident();
        incident.uuid = uuid;
        incident.patrol = patrol;
        incident.position = position;
        incident.type = n.type();
        incident.actionTaken = n.actionTaken() == null ? ActionTaken.NONE : n.actionTaken();
        incident.speciesId = n.speciesId();
        incident.lat = at.lat();
        incident.lon = at.lon();
        incident.observedAt = n.observedAt();
        incident.count = n.count() == null ? 1 : n.count();
        incident.notes = n.notes();
        incident.media.addAll(n.media() == null ? List.of() : n.media());
        return incident;
    }

    private static Patrol build(NewPatrol c, CleanTrack clean, double maxSpeed, Caller caller, Instant now, String hash) {
        Datum datum = c.datumOrDefault();
        Patrol p = new Patrol();
        p.uuid = c.uuid() != null ? c.uuid() : UUID.randomUUID();
        p.recordedBy = caller.subject();
        p.recordedAt = now;
        p.source = c.source();
        p.mandate = c.mandate();
        p.transport = c.transport();
        p.countyCode = c.countyCode();
        p.startedAt = c.startedAt();
        p.endedAt = c.endedAt();
        p.datum = datum;
        p.notes = c.notes();
        p.team.addAll(c.team().stream().map(String::strip).toList());
        p.distanceM = clean.distanceM();
        p.trackPoints = clean.pointCount();
        p.keptPoints = clean.keptPoints();
        p.droppedPoints = clean.dropped().size();
        p.splits = clean.splits();
        p.speedChecked = clean.speedChecked();
        p.maxSpeedKmh = maxSpeed;
        p.contentHash = hash;
        p.gpxSha256 = c.gpxSha256();
        List<NewIncident> incidents = c.incidents() == null ? List.of() : c.incidents();
        for (int i = 0; i < incidents.size(); i++) {
            NewIncident n = incidents.get(i);
            TrackPoint at = PatrolRules.wgs84(new TrackPoint(n.lat(), n.lon(), null), datum);
            p.incidents.add(incident(p, UUID.randomUUID(), n, at, i));
        }
        p.incidentCount = p.incidents.size();
        List<NewCandidate> candidates = c.candidates() == null ? List.of() : c.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            NewCandidate n = candidates.get(i);
            TrackPoint at = PatrolRules.wgs84(new TrackPoint(n.lat(), n.lon(), null), datum);
            IncidentCandidate candidate = new IncidentCandidate();
            candidate.uuid = UUID.randomUUID();
            candidate.patrol = p;
            candidate.position = i;
            candidate.name = n.name();
            candidate.description = n.description();
            candidate.symbol = n.symbol();
            candidate.lat = at.lat();
            candidate.lon = at.lon();
            candidate.markedAt = n.markedAt();
            candidate.suggestedType = n.suggestedType();
            p.candidates.add(candidate);
        }
        return p;
    }
}
