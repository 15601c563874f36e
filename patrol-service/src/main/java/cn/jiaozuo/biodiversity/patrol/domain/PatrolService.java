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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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

    public PatrolService(PatrolRepository patrols, PatrolRules rules, PatrolEvents events, PatrolConfig config) {
        this.patrols = patrols;
        this.rules = rules;
        this.events = events;
        this.config = config;
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
        patrols.persist(patrol);
        PatrolTrack stored = new PatrolTrack();
        stored.patrolUuid = patrol.uuid;
        stored.lines = TrackJson.lines(clean.lines());
        stored.dropped = TrackJson.dropped(clean.dropped());
        patrols.persistTrack(stored);
        events.recorded(patrol);
        return new Recorded(patrol, true);
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
            Incident incident = new Incident();
            incident.uuid = UUID.randomUUID();
            incident.patrol = p;
            incident.position = i;
            incident.type = n.type();
            incident.actionTaken = n.actionTaken() == null ? ActionTaken.NONE : n.actionTaken();
            incident.speciesId = n.speciesId();
            incident.lat = at.lat();
            incident.lon = at.lon();
            incident.observedAt = n.observedAt();
            incident.count = n.count() == null ? 1 : n.count();
            incident.notes = n.notes();
            incident.media.addAll(n.media() == null ? List.of() : n.media());
            p.incidents.add(incident);
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
