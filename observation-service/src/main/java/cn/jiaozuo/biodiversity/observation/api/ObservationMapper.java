package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import cn.jiaozuo.biodiversity.observation.domain.Caller;
import cn.jiaozuo.biodiversity.observation.domain.Datum;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesCatalog;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Entity → API view, applying geoprivacy: for sensitive species, callers other than the observer,
 * reviewers and admins get the 0.1° cell centre and a widened accuracy. Every read path goes
 * through here, so the exact point of a sensitive species cannot leave by another door.
 */
@ApplicationScoped
public class ObservationMapper {

    private final SpeciesCatalog catalog;
    private final ObservationRepository observations;

    public ObservationMapper(SpeciesCatalog catalog, ObservationRepository observations) {
        this.catalog = catalog;
        this.observations = observations;
    }

    /** A point as a caller may see it; {@code generalized} when it was moved to its cell centre. */
    public record Point(double lat, double lon, Double accuracyM, boolean generalized) {
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

    public ObservationView toView(Observation o, Caller caller) {
        SpeciesSnapshot species = catalog.byId(o.speciesId)
                .orElseThrow(() -> new IllegalStateException("Species " + o.speciesId + " missing from the catalog"));
        Point point = pointFor(species, o.observer, o.lat, o.lon, o.accuracyM, caller);
        boolean obscure = point.generalized();
        ObservationView.LocationView location = new ObservationView.LocationView(point.lat(), point.lon(), point.accuracyM(),
                Datum.WGS84.name(), o.originalDatum.name());
        return new ObservationView(o.uuid, SpeciesView.of(species), o.count, o.observedAtWithOffset(), o.recordedAt, location,
                o.countyCode, o.plotCode, o.method.name(), o.stationId, o.notes,
                observations.media(o).stream().map(m -> new ObservationView.MediaView(m.url(), m.sha256())).toList(),
                o.observer, o.source.name(), o.status.name(), o.reviewer, o.reviewComment, o.reviewedAt, obscure);
    }
}
