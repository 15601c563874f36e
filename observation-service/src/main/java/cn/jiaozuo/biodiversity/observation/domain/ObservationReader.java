package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository;
import cn.jiaozuo.biodiversity.observation.repository.ObservationStreamRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored observations as a caller may see them: every read path (the JSON list and single reads, GeoJSON, CSV, the
 * Darwin Core Archive) selects and shows through here, so {@link Disclosure} is applied to each of them alike.
 */
@ApplicationScoped
public class ObservationReader {

    private final ObservationRepository observations;
    private final ObservationStreamRepository rows;
    private final SpeciesCatalog catalog;
    private final Disclosure disclosure;

    public ObservationReader(ObservationRepository observations, ObservationStreamRepository rows, SpeciesCatalog catalog,
            Disclosure disclosure) {
        this.observations = observations;
        this.rows = rows;
        this.catalog = catalog;
        this.disclosure = disclosure;
    }

    /** One page, newest first; {@code next} is the position of its last record, null on the last page. */
    public record Page(List<Disclosure.Shown> items, ListPosition next) {
    }

    /** Receives each streamed record as shown, with its position (for a cursor); may write to the response. */
    public interface ShownHandler {
        void accept(Disclosure.Shown shown, ListPosition listed) throws IOException;
    }

    /**
     * The records {@code filter} selects as {@code caller} may run it now ({@link Disclosure#restrict}), to be read as a
     * page, a stream or a period: all of them see the same restriction.
     */
    public Selection select(ObservationFilter filter, Caller caller) {
        return new Selection(disclosure.restrict(filter, caller, catalog.sensitiveIds(), Instant.now()), caller);
    }

    /** A restricted selection. */
    public final class Selection {

        private final ObservationFilter filter;
        private final Caller caller;

        private Selection(ObservationFilter filter, Caller caller) {
            this.filter = filter;
            this.caller = caller;
        }

        /** Up to {@code limit} records after {@code after} (null: from the newest). */
        public Page page(ListPosition after, int limit) {
            // One row more than the page tells whether there is a next page.
            List<Observation> found = observations.list(filter, after, limit + 1);
            List<Disclosure.Shown> items = found.stream().limit(limit).map(o -> show(o, caller)).toList();
            return new Page(items, found.size() > limit ? position(found.get(limit - 1)) : null);
        }

        /**
         * Streams the records newest first, after {@code after}, at most {@code limit} (null: all), never rejected
         * ones, each shown without media (no export writes them). Returns how many were handed over.
         */
        public long stream(ListPosition after, Integer limit, ShownHandler handler) throws IOException {
            return rows.stream(filter, after, limit, o -> handler.accept(
                    disclosure.show(Disclosure.Facts.of(o, species(o.speciesId), null), caller), position(o)));
        }

        /** First and last listed time of the records {@link #stream} writes. */
        public ObservationPeriod period() {
            return rows.period(filter);
        }
    }

    /**
     * The record {@code id} names for {@code caller}: a stored uuid it may address, or a public id; empty when there is
     * none, or none this caller may see yet (a generalized record before its release).
     */
    public Optional<Disclosure.Shown> find(UUID id, Caller caller) {
        Observation direct = observations.findById(id);
        if (direct != null && !Disclosure.generalizes(species(direct.speciesId), direct.observer, caller)) {
            return Optional.of(show(direct, caller));
        }
        // A generalized record is addressed by its public id only: its stored uuid would confirm a guessed uuid (a
        // Camtrap DP uuid derives from the deployment and observationID) and link it to the record.
        Observation byPublicId = observations.findById(disclosure.uuidOfPublicId(id));
        if (byPublicId == null || !species(byPublicId.speciesId).sensitive()
                || !disclosure.visible(species(byPublicId.speciesId), byPublicId.observer, byPublicId.recordedAt, caller,
                        Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(show(byPublicId, caller));
    }

    /** {@code o} as {@code caller} may see it; its media are read only for those who may see them. */
    public Disclosure.Shown show(Observation o, Caller caller) {
        SpeciesSnapshot species = species(o.speciesId);
        List<MediaRef> media = Disclosure.generalizes(species, o.observer, caller) ? null : observations.media(o);
        return disclosure.show(Disclosure.Facts.of(o, species, media), caller);
    }

    /** Everything stored about {@code o}. */
    public Disclosure.Facts facts(Observation o) {
        return Disclosure.Facts.of(o, species(o.speciesId), observations.media(o));
    }

    private SpeciesSnapshot species(long id) {
        return catalog.byId(id).orElseThrow(() -> new IllegalStateException("Species " + id + " missing from the catalog"));
    }

    private static ListPosition position(Observation o) {
        return new ListPosition(o.listedAt, o.listedKey);
    }
}
