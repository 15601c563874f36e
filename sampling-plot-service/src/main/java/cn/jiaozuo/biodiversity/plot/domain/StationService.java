package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import cn.jiaozuo.biodiversity.plot.repository.StationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Monitoring stations: registration and changes on active plots (each publishes the station's registry entry), and
 * who may read them ({@link StationAccess}).
 */
@ApplicationScoped
public class StationService {

    /** What an admin says about a station; {@code subject} is the token subject it uploads with. */
    public record StationDefinition(String id, StationType type, String plotCode, double lat, double lon,
            LocalDate installedOn, String subject) {
    }

    private final StationRepository stations;
    private final PlotRepository plots;
    private final PlotEvents events;
    private final PlotConfig config;

    public StationService(StationRepository stations, PlotRepository plots, PlotEvents events, PlotConfig config) {
        this.stations = stations;
        this.plots = plots;
        this.events = events;
        this.config = config;
    }

    @Transactional
    public Station register(StationDefinition definition) {
        Station s = new Station();
        s.id = definition.id();
        apply(s, definition);
        s.createdAt = s.updatedAt;
        if (!stations.insertIfAbsent(s)) {
            throw ProblemException.conflict("Station " + definition.id() + " is already registered");
        }
        events.stationChanged(s);
        return s;
    }

    /** Moves the station or binds it to another identity; its id cannot change. */
    @Transactional
    public Station update(String id, StationDefinition definition) {
        if (!definition.id().equals(id)) {
            throw ProblemException.badRequest("id", "must be the id in the path; a station's id cannot change");
        }
        // Locked so concurrent changes commit, and publish, one after the other.
        Station s = stations.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
        apply(s, definition);
        events.stationChanged(s);
        return s;
    }

    /**
     * The stations the caller may read, by id: reviewers and admins all, a station token those bound to its subject.
     * With {@code silentFor} only those whose last upload is older than that; a station that never uploaded counts
     * from the start of its installation day, so one installed today is not yet silent.
     */
    @Transactional
    public List<Station> list(Caller caller, String plotCode, Duration silentFor) {
        String boundTo = null;
        if (!StationAccess.readsAll(caller.roles())) {
            if (caller.subject() == null) {
                return List.of();
            }
            boundTo = caller.subject();
        }
        Instant silentSince = silentFor == null ? null : Instant.now().minus(silentFor);
        return stations.search(plotCode, boundTo).stream()
                .filter(s -> silentSince == null || lastHeard(s).isBefore(silentSince))
                .toList();
    }

    public Station get(String id, Caller caller) {
        Station s = stations.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (!StationAccess.mayRead(caller.roles(), caller.subject(), s.subject)) {
            throw new ProblemException(403, "A station token reads only the stations bound to it");
        }
        return s;
    }

    /** The registration's rules and fields, shared by create and change. */
    private void apply(Station s, StationDefinition d) {
        Plot plot = plots.findByIdOptional(d.plotCode()).orElse(null);
        if (plot == null || !plot.isActive()) {
            throw ProblemException.badRequest("plotCode", plot == null ? "is not a known plot" : "plot " + plot.code + " is retired");
        }
        if (!JiaozuoArea.contains(d.lat(), d.lon())) {
            throw ProblemException.badRequest("location", JiaozuoArea.outsideMessage(d.lat(), d.lon()));
        }
        s.type = d.type();
        s.plotCode = plot.code;
        s.lat = d.lat();
        s.lon = d.lon();
        s.installedOn = d.installedOn();
        s.subject = d.subject();
        s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Instant lastHeard(Station s) {
        return s.lastSeenAt != null ? s.lastSeenAt : s.installedOn.atStartOfDay(config.zone()).toInstant();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No station has id " + id);
    }
}
