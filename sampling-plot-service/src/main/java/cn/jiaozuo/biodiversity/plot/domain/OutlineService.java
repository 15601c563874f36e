package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.plot.repository.CountyOutlineRepository;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import cn.jiaozuo.biodiversity.plot.repository.OutlineSummary;
import cn.jiaozuo.biodiversity.plot.repository.ProtectedAreaOutlineRepository;
import cn.jiaozuo.biodiversity.plot.repository.ProtectedAreaRepository;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.TopologyException;

/**
 * Outlines of counties and protected areas: validated like plot geometries, stored in WGS-84 and published as
 * {@code AreaOutlined} on topic geography in the same transaction. The same outline again changes nothing and
 * publishes nothing, so a loader may send all outlines at every start.
 */
@ApplicationScoped
public class OutlineService {

    public static final String WGS84 = "WGS84";
    public static final String GCJ02 = "GCJ02";
    public static final int MAX_SOURCE_LENGTH = 200;

    /** What a client sends: the geometry as a JSON tree, the datum (null = WGS84) and where it comes from. */
    public record OutlineInput(JsonNode geometry, String datum, String source) {
    }

    /** An outline as stored: the area it belongs to and the WGS-84 geometry. */
    public record Outline(AreaKind kind, String id, String name, String countyCode, JsonNode geometry, String datum,
            String source, double areaHa, Instant updatedAt) {
    }

    /** The area an outline belongs to, whichever kind. */
    private record Area(AreaKind kind, String id, String name, List<String> countyCodes) {
    }

    private final CountyRepository counties;
    private final ProtectedAreaRepository protectedAreas;
    private final CountyOutlineRepository countyOutlines;
    private final ProtectedAreaOutlineRepository protectedAreaOutlines;
    private final PlotSnapshots snapshots;
    private final PlotEvents events;

    public OutlineService(CountyRepository counties, ProtectedAreaRepository protectedAreas,
            CountyOutlineRepository countyOutlines, ProtectedAreaOutlineRepository protectedAreaOutlines,
            PlotSnapshots snapshots, PlotEvents events) {
        this.counties = counties;
        this.protectedAreas = protectedAreas;
        this.countyOutlines = countyOutlines;
        this.protectedAreaOutlines = protectedAreaOutlines;
        this.snapshots = snapshots;
        this.events = events;
    }

    /** Stores the outline and publishes it, unless it equals the stored one (then nothing changes). */
    @Transactional
    public Outline put(AreaKind kind, String id, OutlineInput input, String actor) {
        Area area = lockArea(kind, id);
        List<Problem.Violation> violations = new ArrayList<>();
        String datum = input.datum() == null ? WGS84 : input.datum();
        if (!datum.equals(WGS84) && !datum.equals(GCJ02)) {
            violations.add(new Problem.Violation("datum", "must be WGS84 or GCJ02"));
        }
        String source = input.source() == null ? null : input.source().strip();
        if (source == null || source.isEmpty()) {
            violations.add(new Problem.Violation("source", "must not be blank: say where the outline comes from"));
        } else if (source.length() > MAX_SOURCE_LENGTH) {
            violations.add(new Problem.Violation("source", "must be at most " + MAX_SOURCE_LENGTH + " characters"));
        }
        JsonNode geometry = OutlineGeometry.normalized(input.geometry(), datum.equals(GCJ02));
        PlotGeometry parsed = null;
        try {
            parsed = PlotGeometry.parse(geometry);
        } catch (ProblemException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        String text = snapshots.toText(geometry);
        AreaOutline outline = find(kind, id).orElse(null);
        if (outline != null && outline.geometry.equals(text) && outline.datum.equals(datum) && outline.source.equals(source)) {
            PlotGeometry same = parsed;
            return outline(area, outline, same::geometry);
        }
        boolean created = outline == null;
        if (created) {
            outline = create(kind, id);
        }
        outline.geometry = text;
        outline.datum = datum;
        outline.source = source;
        outline.areaHa = Math.round(parsed.areaHa() * 100.0) / 100.0; // 100 m² resolution: outlines are coarse
        outline.updatedAt = now(outline.updatedAt);
        outline.updatedBy = actor;
        if (created) {
            persist(outline);
        }
        PlotGeometry changed = parsed;
        Outline stored = outline(area, outline, changed::geometry);
        events.areaOutlined(new AreaSnapshot(kind.name(), id, area.name(), stored.countyCode(), stored.geometry(), source,
                true, stored.updatedAt()));
        return stored;
    }

    /** Withdraws the outline and publishes that; false when there was none (nothing changes, no event). */
    @Transactional
    public boolean withdraw(AreaKind kind, String id) {
        Area area = lockArea(kind, id);
        Optional<AreaOutline> outline = find(kind, id);
        if (outline.isEmpty()) {
            return false;
        }
        AreaOutline o = outline.get();
        String countyCode = countyOf(area, () -> jts(o.geometry));
        switch (kind) {
            case COUNTY -> countyOutlines.delete((CountyOutline) o);
            case PROTECTED_AREA -> protectedAreaOutlines.delete((ProtectedAreaOutline) o);
        }
        events.areaOutlined(new AreaSnapshot(kind.name(), id, area.name(), countyCode, null, o.source, false,
                now(o.updatedAt)));
        return true;
    }

    /** The stored outline; 404 when the area is unknown or has none. */
    @Transactional
    public Outline get(AreaKind kind, String id) {
        Area area = area(kind, id, LockModeType.NONE);
        AreaOutline outline = find(kind, id).orElseThrow(() -> ProblemException.notFound(
                area.name() + " has no outline yet"));
        return outline(area, outline, () -> jts(outline.geometry));
    }

    /** Outline summaries by area id (county code or protected-area id), for the reference-data views. */
    @Transactional
    public Map<String, OutlineSummary> summaries(AreaKind kind) {
        List<OutlineSummary> list = kind == AreaKind.COUNTY ? countyOutlines.summaries() : protectedAreaOutlines.summaries();
        return list.stream().collect(Collectors.toMap(OutlineSummary::areaId, Function.identity()));
    }

    private Outline outline(Area area, AreaOutline o, Supplier<Geometry> geometry) {
        String countyCode = countyOf(area, geometry);
        return new Outline(area.kind(), area.id(), area.name(), countyCode, snapshots.geoJson(o.geometry), o.datum,
                o.source, o.areaHa, o.updatedAt);
    }

    /**
     * The county holding most of a protected area: its only county, or, for an area spanning several, the one whose
     * outline overlaps it most; null while none of those counties has an outline.
     */
    private String countyOf(Area area, Supplier<Geometry> outline) {
        if (area.countyCodes().size() == 1) {
            return area.countyCodes().get(0);
        }
        Geometry geometry = outline.get();
        String best = null;
        double bestOverlap = 0;
        for (String code : area.countyCodes()) {
            Optional<CountyOutline> county = countyOutlines.findByIdOptional(code);
            if (county.isEmpty()) {
                continue;
            }
            try {
                // Square degrees: only compared with each other, within one small region.
                double overlap = geometry.intersection(jts(county.get().geometry)).getArea();
                if (overlap > bestOverlap) {
                    best = code;
                    bestOverlap = overlap;
                }
            } catch (TopologyException e) {
                // Two valid polygons rarely fail here; such a county simply does not count.
            }
        }
        return best;
    }

    /** A stored outline as JTS geometry; it was validated when stored. */
    private Geometry jts(String text) {
        return PlotGeometry.parse(snapshots.geoJson(text)).geometry();
    }

    /**
     * Locks the area's row: concurrent writes of one outline queue here (also the first, which inserts), and each
     * event carries the state its write produced.
     */
    private Area lockArea(AreaKind kind, String id) {
        return area(kind, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Area area(AreaKind kind, String id, LockModeType lock) {
        return switch (kind) {
            case COUNTY -> counties.findByIdOptional(id, lock)
                    .map(c -> new Area(kind, c.code, c.chineseName, List.of(c.code)))
                    .orElseThrow(() -> ProblemException.notFound("No Jiaozuo county has code " + id));
            case PROTECTED_AREA -> protectedAreas.findByIdOptional(id, lock)
                    .map(a -> new Area(kind, a.id, a.chineseName, List.copyOf(a.countyCodes)))
                    .orElseThrow(() -> ProblemException.notFound("No protected area has id " + id));
        };
    }

    private Optional<AreaOutline> find(AreaKind kind, String id) {
        return switch (kind) {
            case COUNTY -> countyOutlines.findByIdOptional(id).map(AreaOutline.class::cast);
            case PROTECTED_AREA -> protectedAreaOutlines.findByIdOptional(id).map(AreaOutline.class::cast);
        };
    }

    private static AreaOutline create(AreaKind kind, String id) {
        return switch (kind) {
            case COUNTY -> {
                CountyOutline o = new CountyOutline();
                o.countyCode = id;
                yield o;
            }
            case PROTECTED_AREA -> {
                ProtectedAreaOutline o = new ProtectedAreaOutline();
                o.protectedAreaId = id;
                yield o;
            }
        };
    }

    private void persist(AreaOutline outline) {
        if (outline instanceof CountyOutline o) {
            countyOutlines.persist(o);
        } else {
            protectedAreaOutlines.persist((ProtectedAreaOutline) outline);
        }
    }

    /**
     * Microseconds, as PostgreSQL keeps them, and always after the previous state's time: readers keep the newest
     * event per key, so a change must never look older than what it replaces, whatever the clocks of two pods say.
     */
    private static Instant now(Instant previous) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return previous != null && !now.isAfter(previous) ? previous.plus(1, ChronoUnit.MICROS) : now;
    }
}
