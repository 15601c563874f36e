package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import cn.jiaozuo.biodiversity.observation.domain.Caller;
import cn.jiaozuo.biodiversity.observation.domain.Datum;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesCatalog;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Concealed;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Filter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Entity → API view, applying geoprivacy: for sensitive species, callers other than the observer,
 * reviewers and admins get the 0.1° cell centre and a widened accuracy, and neither the plot nor the
 * station (both locate the record far more finely than the cell: plots are small and a station's
 * point is readable in sampling-plot-service). Every read path goes through here, so the exact point
 * of a sensitive species cannot leave by another door.
 */
@ApplicationScoped
public class ObservationMapper {

    private final SpeciesCatalog catalog;
    private final ObservationRepository observations;

    public ObservationMapper(SpeciesCatalog catalog, ObservationRepository observations) {
        this.catalog = catalog;
        this.observations = observations;
    }

    /**
     * A point as a caller may see it; {@code generalized} when it was moved to its cell centre. A generalized
     * record must also go without its plot and station: see {@link #plotCode} and {@link #stationId}.
     */
    public record Point(double lat, double lon, Double accuracyM, boolean generalized) {

        /** The record's plot code, or null when the point is generalized. */
        public String plotCode(String plotCode) {
            return generalized ? null : plotCode;
        }

        /** The record's station id, or null when the point is generalized. */
        public String stationId(String stationId) {
            return generalized ? null : stationId;
        }
    }

    /** The geoprivacy rule itself, also used by the streaming exports (GeoJSON, CSV, Darwin Core Archive). */
    public static Point pointFor(SpeciesSnapshot species, String observer, double lat, double lon, Double accuracyM,
            Caller caller) {
        if (species.sensitive() && !caller.seesExactPointOf(observer)) {
            Geoprivacy.GeneralizedPoint cell = Geoprivacy.generalize(lat, lon, accuracyM);
            return new Point(cell.lat(), cell.lon(), cell.accuracyM(), true);
        }
        return new Point(lat, lon, accuracyM, false);
    }

    /**
     * {@code filter} as {@code caller} may run it. A plot is far smaller than a 0.1° cell, so a plot filter that
     * returned a record this caller gets generalized would reveal that the sensitive species was in that plot: such
     * filters leave those records out (the same rule as {@link #pointFor}). Without a plot filter, or for reviewers
     * and admins, the filter is unchanged.
     */
    public Filter restrict(Filter filter, Caller caller) {
        if (filter.plotCode() == null || caller.seesAllExactPoints()) {
            return filter;
        }
        Set<Long> sensitive = catalog.all().stream().filter(SpeciesSnapshot::sensitive).map(SpeciesSnapshot::id)
                .collect(Collectors.toUnmodifiableSet());
        return sensitive.isEmpty() ? filter : filter.concealing(new Concealed(sensitive, caller.subject()));
    }

    public ObservationView toView(Observation o, Caller caller) {
        SpeciesSnapshot species = catalog.byId(o.speciesId)
                .orElseThrow(() -> new IllegalStateException("Species " + o.speciesId + " missing from the catalog"));
        Point point = pointFor(species, o.observer, o.lat, o.lon, o.accuracyM, caller);
        boolean obscure = point.generalized();
        ObservationView.LocationView location = new ObservationView.LocationView(point.lat(), point.lon(), point.accuracyM(),
                Datum.WGS84.name(), o.originalDatum.name());
        return new ObservationView(o.uuid, SpeciesView.of(species), o.count, o.observedAtWithOffset(), o.recordedAt, location,
                o.countyCode, point.plotCode(o.plotCode), o.method.name(), point.stationId(o.stationId), o.notes,
                // A photo undoes the cell as surely as the station: its path may name the camera, its EXIF the point.
                obscure ? List.of() : observations.media(o).stream().map(m -> new ObservationView.MediaView(m.url(), m.sha256())).toList(),
                o.observer, o.source.name(), o.status.name(), o.reviewer, o.reviewComment, o.reviewedAt, obscure);
    }
}
