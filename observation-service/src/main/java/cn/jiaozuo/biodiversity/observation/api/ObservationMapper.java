package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.observation.domain.Caller;
import cn.jiaozuo.biodiversity.observation.domain.Datum;
import cn.jiaozuo.biodiversity.observation.domain.Disclosure;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesCatalog;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Filter;
import cn.jiaozuo.biodiversity.observation.repository.ObservationStreamRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stored observation → what a caller may see, through {@link Disclosure} (the rule itself), → API view. The list and
 * single reads come through here; the exports use {@link #show} and {@link #restrict} as well.
 */
@ApplicationScoped
public class ObservationMapper {

    private final SpeciesCatalog catalog;
    private final ObservationRepository observations;
    private final Disclosure disclosure;

    public ObservationMapper(SpeciesCatalog catalog, ObservationRepository observations, Disclosure disclosure) {
        this.catalog = catalog;
        this.observations = observations;
        this.disclosure = disclosure;
    }

    public SpeciesSnapshot species(long id) {
        return catalog.byId(id).orElseThrow(() -> new IllegalStateException("Species " + id + " missing from the catalog"));
    }

    /** {@code filter} as {@code caller} may run it now ({@link Disclosure#restrict}). */
    public Filter restrict(Filter filter, Caller caller) {
        Set<Long> sensitive = catalog.all().stream().filter(SpeciesSnapshot::sensitive).map(SpeciesSnapshot::id)
                .collect(Collectors.toUnmodifiableSet());
        return disclosure.restrict(filter, caller, sensitive, Instant.now());
    }

    public Disclosure.Shown show(Disclosure.Facts facts, Caller caller) {
        return disclosure.show(facts, caller);
    }

    /** Whether {@code caller} gets {@code o} generalized. */
    public boolean generalizes(Observation o, Caller caller) {
        return Disclosure.generalizes(species(o.speciesId), o.observer, caller);
    }

    public ObservationView toView(Observation o, Caller caller) {
        SpeciesSnapshot species = species(o.speciesId);
        // Media are parsed only for those who may see them.
        Disclosure.Facts facts = Disclosure.Facts.of(o, species,
                Disclosure.generalizes(species, o.observer, caller) ? null : observations.media(o));
        return view(disclosure.show(facts, caller));
    }

    /** An export row's facts (the columns exports read; the rest is null). */
    static Disclosure.Facts facts(ObservationStreamRepository.Row row, SpeciesSnapshot species) {
        return new Disclosure.Facts(row.uuid(), species, row.count(), row.observedAt(), null, row.lat(), row.lon(),
                row.accuracyM(), null, row.countyCode(), row.plotCode(), row.method(), row.stationId(), null, null, row.observer(),
                row.source(), row.status(), null, null, null);
    }

    static ObservationView view(Disclosure.Shown s) {
        ObservationView.LocationView location = new ObservationView.LocationView(s.lat(), s.lon(), s.accuracyM(),
                Datum.WGS84.name(), s.originalDatum());
        return new ObservationView(s.uuid(), s.publicId(), SpeciesView.of(s.species()), s.count(), s.observedAt(),
                s.observedOn(), s.recordedAt(), location, s.countyCode(), s.plotCode(), s.method(), s.stationId(), s.notes(),
                s.media().stream().map(m -> new ObservationView.MediaView(m.url(), m.sha256())).toList(), s.observer(),
                s.source(), s.status(), s.reviewer(), s.reviewComment(), s.reviewedAt(), s.generalized());
    }

    /**
     * The stored record {@code id} names for {@code caller}: a stored uuid it may address, or a public id; null when
     * there is none, or none this caller may see yet (a generalized record before its release).
     */
    public Observation resolve(java.util.UUID id, Caller caller) {
        Observation direct = observations.find(id);
        if (direct != null && !generalizes(direct, caller)) {
            return direct;
        }
        // A generalized record is addressed by its public id only: its stored uuid would confirm a guessed uuid (a
        // Camtrap DP uuid derives from the deployment and observationID) and link it to the record.
        Observation byPublicId = observations.find(disclosure.uuidOfPublicId(id));
        if (byPublicId == null || !species(byPublicId.speciesId).sensitive()) {
            return null;
        }
        return disclosure.visible(species(byPublicId.speciesId), byPublicId.observer, byPublicId.recordedAt, caller,
                Instant.now()) ? byPublicId : null;
    }
}
