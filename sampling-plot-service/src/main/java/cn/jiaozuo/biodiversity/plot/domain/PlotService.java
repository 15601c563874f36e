package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import cn.jiaozuo.biodiversity.plot.repository.PlotRevisionRepository;
import cn.jiaozuo.biodiversity.plot.repository.PlotSearch;
import cn.jiaozuo.biodiversity.plot.repository.ProtectedAreaRepository;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates, changes, retires and reads plots: validation, code assignment, the history, events and the spatial index.
 * Each change writes the plot, its revision and its event in one transaction.
 */
@ApplicationScoped
public class PlotService {

    private static final Logger LOG = Logger.getLogger(PlotService.class);

    /** One state of a plot, as it was after a change. */
    public record Revision(int revision, String eventType, Instant changedAt, String changedBy, PlotSnapshot plot) {
    }

    private final PlotRepository plots;
    private final PlotRevisionRepository revisions;
    private final CountyRepository counties;
    private final ProtectedAreaRepository protectedAreas;
    private final PlotEvents events;
    private final PlotIndex index;
    private final PlotConfig config;
    private final PlotSnapshots snapshots;
    private final TransactionSynchronizationRegistry transactions;

    public PlotService(PlotRepository plots, PlotRevisionRepository revisions, CountyRepository counties,
            ProtectedAreaRepository protectedAreas, PlotEvents events, PlotIndex index, PlotConfig config,
            PlotSnapshots snapshots, TransactionSynchronizationRegistry transactions) {
        this.plots = plots;
        this.revisions = revisions;
        this.counties = counties;
        this.protectedAreas = protectedAreas;
        this.events = events;
        this.index = index;
        this.config = config;
        this.snapshots = snapshots;
        this.transactions = transactions;
    }

    @Transactional
    public PlotSnapshot create(PlotDefinition definition, String actor) {
        PlotGeometry geometry = validate(definition);
        Plot plot = new Plot();
        plot.code = String.format(Locale.ROOT, "%s-%02d", definition.countyCode(), plots.nextNumber(definition.countyCode()));
        plot.countyCode = definition.countyCode();
        plot.status = PlotStatus.ACTIVE;
        plot.createdAt = now();
        apply(plot, definition, geometry);
        plots.persist(plot);
        PlotSnapshot snapshot = changed(plot, EventTypes.PLOT_UPSERTED, actor);
        afterCommit(() -> index.put(snapshot, geometry.geometry()));
        return snapshot;
    }

    @Transactional
    public PlotSnapshot update(String code, PlotDefinition definition, String actor) {
        Plot plot = findForChange(code);
        if (!plot.isActive()) {
            throw ProblemException.conflict("Plot " + code + " is retired and can no longer change");
        }
        if (definition.countyCode() != null && !definition.countyCode().equals(plot.countyCode)) {
            // The code carries the county: a plot in another county is a new plot.
            throw ProblemException.badRequest("countyCode", "cannot change from " + plot.countyCode
                    + "; retire this plot and create a new one in the other county");
        }
        PlotGeometry geometry = validate(definition);
        apply(plot, definition, geometry);
        PlotSnapshot snapshot = changed(plot, EventTypes.PLOT_UPSERTED, actor);
        afterCommit(() -> index.put(snapshot, geometry.geometry()));
        return snapshot;
    }

    /** Retires an active plot; returns empty when it was already retired (nothing changes, no event). */
    @Transactional
    public Optional<PlotSnapshot> retire(String code, String actor) {
        Plot plot = findForChange(code);
        if (!plot.isActive()) {
            return Optional.empty();
        }
        plot.status = PlotStatus.RETIRED;
        plot.updatedAt = now();
        plot.retiredAt = plot.updatedAt;
        PlotSnapshot snapshot = changed(plot, EventTypes.PLOT_RETIRED, actor);
        Instant retiredAt = plot.retiredAt;
        afterCommit(() -> index.remove(code, retiredAt));
        return Optional.of(snapshot);
    }

    public Plot find(String code) {
        return plots.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("No plot has code " + code));
    }

    @Transactional
    public PlotSnapshot get(String code) {
        return snapshots.of(find(code));
    }

    @Transactional
    public List<PlotSnapshot> list(PlotSearch search) {
        return snapshots.of(plots.search(search));
    }

    /** Every state the plot has been in, oldest first. */
    @Transactional
    public List<Revision> history(String code) {
        find(code);
        return revisions.of(code).stream().map(r -> new Revision(r.key.revision(), r.eventType, r.changedAt, r.changedBy,
                snapshots.fromText(r.snapshot))).toList();
    }

    /** The plot's revision and its event, both with the snapshot of the state the change produced. */
    private PlotSnapshot changed(Plot plot, String type, String actor) {
        PlotSnapshot snapshot = snapshots.of(plot);
        PlotRevision revision = new PlotRevision();
        revision.key = new PlotRevision.Key(plot.code, revisions.nextRevision(plot.code));
        revision.eventType = type;
        revision.changedAt = plot.updatedAt;
        revision.changedBy = actor;
        revision.snapshot = snapshots.toText(snapshot);
        revisions.persist(revision);
        events.plotChanged(type, snapshot);
        return snapshot;
    }

    /**
     * Locks the plot's row: concurrent changes of one plot queue here instead of failing at commit, and
     * each event's snapshot is the state its change produced.
     */
    private Plot findForChange(String code) {
        return plots.findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("No plot has code " + code));
    }

    private void apply(Plot plot, PlotDefinition d, PlotGeometry geometry) {
        plot.name = d.name().strip();
        plot.ecosystem = d.ecosystem();
        plot.methods = d.methods().stream().distinct().toList();
        ObjectNode normalized = JsonNodeFactory.instance.objectNode();
        normalized.put("type", d.geometry().get("type").asText());
        normalized.set("coordinates", d.geometry().get("coordinates"));
        plot.geometry = snapshots.toText(normalized);
        plot.areaHa = Math.round(geometry.areaHa() * 10_000.0) / 10_000.0; // 1 m² resolution
        plot.protectedAreaId = d.protectedAreaId();
        plot.establishedOn = d.establishedOn();
        plot.surveyIntervalDays = d.surveyIntervalDays() == null ? config.defaultSurveyIntervalDays() : d.surveyIntervalDays();
        plot.updatedAt = now();
    }

    /** The rules beyond Bean Validation: county, protected area in that county, then the geometry. */
    private PlotGeometry validate(PlotDefinition d) {
        List<Problem.Violation> violations = new ArrayList<>();
        boolean countyKnown = counties.findByIdOptional(d.countyCode()).isPresent();
        if (!countyKnown) {
            violations.add(new Problem.Violation("countyCode", "must be the GB/T 2260 code of a Jiaozuo county (see GET /counties)"));
        }
        if (d.protectedAreaId() != null) {
            protectedAreas.findByIdOptional(d.protectedAreaId()).ifPresentOrElse(area -> {
                if (countyKnown && !area.countyCodes.contains(d.countyCode())) {
                    violations.add(new Problem.Violation("protectedAreaId", area.chineseName + " does not lie in county "
                            + d.countyCode() + " (it lies in " + String.join(", ", area.countyCodes) + ")"));
                }
            }, () -> violations.add(new Problem.Violation("protectedAreaId", "is not a known protected area (see GET /protected-areas)")));
        }
        try {
            PlotGeometry geometry = PlotGeometry.parse(d.geometry());
            if (violations.isEmpty()) {
                return geometry;
            }
        } catch (ProblemException e) {
            violations.addAll(e.violations());
        }
        throw ProblemException.badRequest(violations);
    }

    private void afterCommit(Runnable action) {
        AfterCommit.run(transactions, () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                // The change is committed; the periodic reload repairs the index, so the caller still succeeds.
                LOG.errorf(e, "Spatial index not updated after commit; the next reload repairs it");
            }
        });
    }

    private static Instant now() {
        // Microseconds: what PostgreSQL keeps, so the event and a later read agree.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
