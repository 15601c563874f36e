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

    public ObservationView toView(Observation o, Caller caller) {
        SpeciesSnapshot species = catalog.byId(o.speciesId)
                .orElseThrow(() -> new IllegalStateException("Species " + o.speciesId + " missing from the catalog"));
        boolean obscure = species.sensitive() && !caller.seesExactPointOf(o.observer);
        ObservationView.LocationView location;
        if (obscure) {
            Geoprivacy.GeneralizedPoint cell = Geoprivacy.generalize(o.lat, o.lon, o.accuracyM);
            location = new ObservationView.LocationView(cell.lat(), cell.lon(), cell.accuracyM(), Datum.WGS84.name(),
                    o.originalDatum.name());
        } else {
            location = new ObservationView.LocationView(o.lat, o.lon, o.accuracyM, Datum.WGS84.name(), o.originalDatum.name());
        }
        return new ObservationView(o.uuid, SpeciesView.of(species), o.count, o.observedAtWithOffset(), o.recordedAt, location,
                o.countyCode, o.plotCode, o.method.name(), o.stationId, o.notes,
                observations.media(o).stream().map(m -> new ObservationView.MediaView(m.url(), m.sha256())).toList(),
                o.observer, o.source.name(), o.status.name(), o.reviewer, o.reviewComment, o.reviewedAt, obscure);
    }
}
