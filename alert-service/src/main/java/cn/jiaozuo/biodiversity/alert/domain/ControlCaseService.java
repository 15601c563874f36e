package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.config.ControlCaseConfig;
import cn.jiaozuo.biodiversity.alert.repository.AlertRepository;
import cn.jiaozuo.biodiversity.alert.repository.ControlActionRepository;
import cn.jiaozuo.biodiversity.alert.repository.ControlCaseRepository;
import cn.jiaozuo.biodiversity.alert.repository.ControlCaseRows;
import cn.jiaozuo.biodiversity.alert.repository.ControlCaseSearch;
import cn.jiaozuo.biodiversity.alert.repository.FollowUpSurveyRepository;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Invasive-species control cases: opening (from an alert or directly), actions and follow-ups with the status rules of
 * {@link ControlCaseStatusMachine}, reopening on a sighting, reads and the summary. Each change locks the case row and
 * publishes its events in the same transaction.
 */
@ApplicationScoped
public class ControlCaseService {

    private static final Logger LOG = Logger.getLogger(ControlCaseService.class);

    /** One page of a listing; {@code more} when rows follow the last one. */
    public record Listing(List<ControlCase> cases, boolean more) {
    }

    /** A case with its actions and follow-ups (oldest first), its schedule and when the next follow-up is due. */
    public record Detail(ControlCase controlCase, List<ControlAction> actions, List<FollowUpSurvey> followUps,
            FollowUpSchedule schedule, LocalDate nextFollowUpDue, int negativeStreak) {

        public double treatedAreaHa() {
            return actions.stream().mapToDouble(a -> a.treatedAreaHa).sum();
        }
    }

    /** The result of recording: the case afterwards, and whether the request was a replay of one recorded before. */
    public record Recorded(Detail detail, boolean replay) {
    }

    /** The summary rows and the day they are counted on. */
    public record Summary(LocalDate today, List<ControlCaseRows.SummaryRow> rows) {
    }

    private final ControlCaseRepository cases;
    private final ControlActionRepository actions;
    private final FollowUpSurveyRepository followUps;
    private final ControlCaseRows rows;
    private final AlertRepository alerts;
    private final FollowUpSchedules schedules;
    private final ControlCaseEvents events;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final double defaultRadiusM;

    public ControlCaseService(ControlCaseRepository cases, ControlActionRepository actions,
            FollowUpSurveyRepository followUps, ControlCaseRows rows, AlertRepository alerts, FollowUpSchedules schedules,
            ControlCaseEvents events, ObjectMapper json, AlertConfig config, ControlCaseConfig caseConfig) {
        this.cases = cases;
        this.actions = actions;
        this.followUps = followUps;
        this.rows = rows;
        this.alerts = alerts;
        this.schedules = schedules;
        this.events = events;
        this.json = json;
        this.zone = ZoneId.of(config.zone());
        this.defaultRadiusM = caseConfig.defaultRadiusM();
    }

    /** Today in the bureaus' calendar. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    @Transactional
    public Detail open(NewControlCase command, Caller caller) {
        ControlCase c = new ControlCase();
        c.id = UUID.randomUUID();
        CaseArea area = command.area();
        if (command.alertId() != null) {
            Alert alert = alerts.findByIdOptional(command.alertId()).orElse(null);
            if (alert == null) {
                throw ProblemException.badRequest("alertId", "names no alert");
            }
            if (alert.rule != RuleCode.INVASIVE_SPECIES) {
                throw ProblemException.badRequest("alertId", "is a " + alert.rule + " alert; cases are opened from"
                        + " INVASIVE_SPECIES alerts");
            }
            cases.findByAlert(alert.id).ifPresent(existing -> {
                throw ProblemException.conflict("Alert " + alert.id + " already has control case " + existing.id);
            });
            c.alertId = alert.id;
            c.speciesId = alert.speciesId;
            c.scientificName = alert.scientificName;
            c.chineseName = alert.chineseName;
            c.countyCode = alert.countyCode;
            c.severity = command.severity() != null ? command.severity() : alert.severity;
            if (area == null) {
                area = CaseArea.circle(alert.lat, alert.lon, command.radiusM() != null ? command.radiusM()
                        : defaultRadiusM);
            }
        } else {
            c.speciesId = command.speciesId();
            c.scientificName = command.scientificName();
            c.chineseName = command.chineseName();
            c.countyCode = command.countyCode();
            c.severity = command.severity();
        }
        c.outline = area.outline();
        c.lat = area.lat();
        c.lon = area.lon();
        c.radiusM = area.radiusM();
        c.areaHa = area.areaHa();
        c.responsibleOrg = command.responsibleOrg() != null ? command.responsibleOrg() : caller.org();
        c.status = ControlCaseStatus.DETECTED;
        c.notes = command.notes();
        c.openedBy = caller.subject();
        c.openedAt = now();
        c.updatedAt = c.openedAt;
        cases.persist(c);
        events.opened(c);
        return detail(c);
    }

    @Transactional
    public Listing list(ControlCaseSearch search) {
        List<ControlCase> found = cases.search(search);
        boolean more = found.size() > search.limit();
        return new Listing(more ? found.subList(0, search.limit()) : found, more);
    }

    @Transactional
    public Detail find(UUID id) {
        return detail(cases.findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional
    public Recorded recordAction(UUID caseId, NewControlAction command, Caller caller) {
        ControlCase c = locked(caseId);
        ControlAction existing = actions.findById(command.id());
        if (existing != null) {
            return replay(existing.sameAs(caseId, command), c, "control action " + command.id());
        }
        if (c.status == ControlCaseStatus.ERADICATED) {
            throw ProblemException.conflict("Control case " + caseId + " is ERADICATED; a new sighting in its area reopens it");
        }
        requireNotClosed(c);
        ControlAction a = new ControlAction();
        a.id = command.id();
        a.caseId = caseId;
        a.performedOn = command.performedOn();
        a.method = command.method();
        a.treatedAreaHa = command.treatedAreaHa();
        a.treatedOutline = command.treatedOutline();
        a.quantity = command.quantity();
        a.unit = command.unit();
        a.team = command.team();
        a.notes = command.notes();
        a.recordedBy = caller.subject();
        a.recordedAt = now();
        actions.persist(a);
        if (c.lastActionOn == null || a.performedOn.isAfter(c.lastActionOn)) {
            c.lastActionOn = a.performedOn;
        }
        c.updatedAt = a.recordedAt;
        events.actionRecorded(c, a);
        ControlCaseStatusMachine.onAction(c.status).ifPresent(t -> change(c, t));
        return new Recorded(detail(c), false);
    }

    @Transactional
    public Recorded recordFollowUp(UUID caseId, NewFollowUp command, Caller caller) {
        ControlCase c = locked(caseId);
        FollowUpSurvey existing = followUps.findById(command.id());
        if (existing != null) {
            return replay(existing.sameAs(caseId, command), c, "follow-up " + command.id());
        }
        requireNotClosed(c);
        FollowUpSurvey f = new FollowUpSurvey();
        f.id = command.id();
        f.caseId = caseId;
        f.surveyedOn = command.surveyedOn();
        f.found = command.found();
        f.density = command.density();
        f.notes = command.notes();
        f.recordedBy = caller.subject();
        f.recordedAt = now();
        followUps.persist(f);
        if (c.lastFollowUpOn == null || f.surveyedOn.isAfter(c.lastFollowUpOn)) {
            c.lastFollowUpOn = f.surveyedOn;
        }
        c.updatedAt = f.recordedAt;
        List<ControlCaseStatusMachine.Survey> surveys = followUps.ofCase(caseId).stream()
                .map(FollowUpSurvey::asSurvey).toList();
        ControlCaseStatusMachine.onFollowUp(c.status, f.found, surveys, c.lastPositiveOn,
                schedules.forSpecies(c.scientificName)).ifPresent(t -> change(c, t));
        if (f.found && (c.lastPositiveOn == null || f.surveyedOn.isAfter(c.lastPositiveOn))) {
            c.lastPositiveOn = f.surveyedOn;
        }
        return new Recorded(detail(c), false);
    }

    /**
     * An accepted sighting (from topic observations, in the consumer's transaction): a CONTROLLED or ERADICATED case of
     * its species whose area holds the point is UNDER_CONTROL again; in any followed-up case it restarts the streak of
     * negative follow-ups. Sightings from before a case was opened are not news to it.
     */
    public void sighted(ObservationSnapshot observation) {
        if ("REJECTED".equals(observation.status()) || observation.location() == null) {
            return;
        }
        LocalDate day = observation.observedAt().atZoneSameInstant(zone).toLocalDate();
        for (ControlCase c : cases.sightingCandidatesForUpdate(observation.species().id())) {
            if (day.isBefore(c.openedAt.atZone(zone).toLocalDate())
                    || !CaseArea.stored(c.outline, c.lat, c.lon, c.radiusM, json)
                            .contains(observation.location().lat(), observation.location().lon())) {
                continue;
            }
            if (c.lastPositiveOn == null || day.isAfter(c.lastPositiveOn)) {
                c.lastPositiveOn = day;
            }
            c.updatedAt = now();
            ControlCaseStatusMachine.onSighting(c.status).ifPresent(t -> {
                LOG.debugf("Control case %s reopened by observation %s", c.id, observation.uuid());
                change(c, t);
            });
        }
    }

    /** Area, severity or responsible unit changed by hand; not on an ERADICATED or CLOSED case. */
    @Transactional
    public Detail update(UUID id, ControlCaseUpdate update, Caller caller) {
        ControlCase c = locked(id);
        if (!c.status.open()) {
            throw ProblemException.conflict("Control case " + id + " is " + c.status + "; only open cases can be changed");
        }
        CaseArea area = update.outline() != null ? update.outline() : update.radiusM() == null ? null
                : CaseArea.circle(update.lat() != null ? update.lat() : c.lat, update.lon() != null ? update.lon() : c.lon,
                        update.radiusM());
        if (area != null) {
            c.outline = area.outline();
            c.lat = area.lat();
            c.lon = area.lon();
            c.radiusM = area.radiusM();
            c.areaHa = area.areaHa();
        }
        if (update.severity() != null) {
            c.severity = update.severity();
        }
        if (update.responsibleOrg() != null) {
            c.responsibleOrg = update.responsibleOrg();
        }
        c.updatedAt = now();
        LOG.debugf("Control case %s changed by %s", c.id, caller.subject());
        events.updated(c);
        return detail(c);
    }

    /** Closed by hand (CLOSED, final) with the reason; any case but an ERADICATED or CLOSED one. */
    @Transactional
    public Detail close(UUID id, String reason, Caller caller) {
        ControlCase c = locked(id);
        ControlCaseStatusMachine.Transition t = ControlCaseStatusMachine.onClose(c.status).orElseThrow(() ->
                ProblemException.conflict("Control case " + id + " is " + c.status + "; only open cases can be closed"));
        c.closedReason = reason;
        c.closedBy = caller.subject();
        c.closedAt = now();
        change(c, t);
        return detail(c);
    }

    @Transactional
    public Summary summary(String countyCode, Long speciesId) {
        LocalDate today = today();
        return new Summary(today, rows.summary(countyCode, speciesId, today.withDayOfYear(1)));
    }

    private void change(ControlCase c, ControlCaseStatusMachine.Transition t) {
        ControlCaseStatus previous = c.status;
        c.status = t.to();
        c.eradicatedOn = t.to() == ControlCaseStatus.ERADICATED ? c.lastFollowUpOn : null;
        c.updatedAt = now();
        events.statusChanged(c, previous, t.reason());
    }

    private Recorded replay(boolean same, ControlCase c, String what) {
        if (!same) {
            throw ProblemException.conflict("A different " + what + " was recorded under this uuid");
        }
        return new Recorded(detail(c), true);
    }

    Detail detail(ControlCase c) {
        FollowUpSchedule schedule = schedules.forSpecies(c.scientificName);
        List<FollowUpSurvey> surveys = followUps.ofCase(c.id);
        int streak = ControlCaseStatusMachine.negativeStreak(surveys.stream().map(FollowUpSurvey::asSurvey).toList(),
                c.lastPositiveOn).size();
        return new Detail(c, actions.ofCase(c.id), surveys, schedule,
                ControlCaseStatusMachine.nextDue(c.status, c.lastActionOn, c.lastFollowUpOn, schedule), streak);
    }

    private static void requireNotClosed(ControlCase c) {
        if (c.status == ControlCaseStatus.CLOSED) {
            throw ProblemException.conflict("Control case " + c.id + " is CLOSED (" + c.closedReason + ")");
        }
    }

    private ControlCase locked(UUID id) {
        return cases.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No control case " + id);
    }

}
