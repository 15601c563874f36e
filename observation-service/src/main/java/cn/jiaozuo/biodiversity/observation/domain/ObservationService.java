package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.ObservationSnapshot;
import cn.jiaozuo.biodiversity.common.events.PublicObservation;
import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.common.outbox.OutboxMessage;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.observation.config.IntakeMetrics;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores observations and writes their events to the outbox in the same transaction: on {@code observations}
 * (internal, exact) and on {@code observations.public} (as the public sees the record). A single post costs a row,
 * two outbox rows and a commit; a batch costs one lookup of existing uuids, one JDBC batch of rows and one of outbox
 * events.
 */
@ApplicationScoped
public class ObservationService {

    static final String UUID_TAKEN = "this uuid is already used by another record or another caller;"
            + " generate a new uuid for a new observation";

    private final ObservationRepository observations;
    private final SpeciesCatalog catalog;
    private final Outbox outbox;
    private final IntakeMetrics metrics;
    private final Disclosure disclosure;

    public ObservationService(ObservationRepository observations, SpeciesCatalog catalog, Outbox outbox, IntakeMetrics metrics,
            Disclosure disclosure) {
        this.observations = observations;
        this.catalog = catalog;
        this.outbox = outbox;
        this.metrics = metrics;
        this.disclosure = disclosure;
    }

    /** The outcome of one post: created, or the stored record of an earlier identical post. */
    public record Recorded(Observation observation, boolean created) {
    }

    /** Stores one validated observation; a replay answers with the stored one, a clash is a 409. */
    @Transactional
    public Recorded record(NewObservation o) {
        if (observations.insertAll(List.of(o))[0]) {
            ObservationSnapshot snapshot = o.snapshot();
            outbox.publish(Topics.OBSERVATIONS, snapshot.key(), EventTypes.OBSERVATION_RECORDED, snapshot);
            outbox.publishAll(List.of(publicEvent(Disclosure.Facts.of(o), EventTypes.OBSERVATION_RECORDED)));
            metrics.countOnCommit(List.of(o));
            return new Recorded(observations.asStored(o), true); // no read back: we know what we wrote
        }
        // The uuid exists (committed, possibly by a concurrent twin we waited for): replay or clash.
        Observation stored = observations.find(o.uuid());
        if (stored == null || !Objects.equals(stored.observer, o.observer()) || !stored.contentHash.equals(o.contentHash())) {
            throw ProblemException.conflict("Observation " + o.uuid() + " exists with other content or from another caller;"
                    + " a new observation needs a new uuid");
        }
        return new Recorded(stored, false);
    }

    /**
     * The stored record when {@code uuid} was already stored by {@code observer} with this content:
     * the answer to a replay that would no longer pass validation.
     */
    @Transactional
    public Optional<Observation> storedReplay(UUID uuid, String observer, String contentHash) {
        Observation stored = observations.find(uuid);
        return stored != null && Objects.equals(stored.observer, observer) && stored.contentHash.equals(contentHash)
                ? Optional.of(stored) : Optional.empty();
    }

    /** The batch indexes among {@code candidates} (index → uuid, caller, fingerprint) whose record is stored as sent. */
    @Transactional
    public Set<Integer> storedReplays(Map<Integer, Stored> candidates) {
        Map<UUID, Stored> found = observations.findStored(candidates.values().stream().map(Stored::uuid).toList());
        Set<Integer> replays = new HashSet<>();
        candidates.forEach((index, candidate) -> {
            Stored existing = found.get(candidate.uuid());
            if (existing != null && Objects.equals(existing.observer(), candidate.observer())
                    && existing.contentHash().equals(candidate.contentHash())) {
                replays.add(index);
            }
        });
        return replays;
    }

    /** Per-item outcome of a batch, by request index. */
    public record BatchOutcome(Map<Integer, UUID> created, Map<Integer, UUID> duplicates, Map<Integer, Violation> clashes) {
    }

    /**
     * Stores the valid items of a batch in one transaction. {@code items} maps request index to
     * item; items reusing a uuid already stored (or earlier in the batch) are duplicates when
     * identical, clashes otherwise.
     */
    @Transactional
    public BatchOutcome recordAll(Map<Integer, NewObservation> items) {
        Map<Integer, UUID> created = new HashMap<>();
        Map<Integer, UUID> duplicates = new HashMap<>();
        Map<Integer, Violation> clashes = new HashMap<>();

        List<UUID> uuids = items.values().stream().map(NewObservation::uuid).distinct().toList();
        Map<UUID, Stored> stored = new HashMap<>(observations.findStored(uuids));
        Map<UUID, NewObservation> firstInBatch = new HashMap<>();
        List<Integer> insertIndexes = new ArrayList<>();
        List<NewObservation> inserts = new ArrayList<>();
        items.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            NewObservation o = e.getValue();
            Stored existing = stored.get(o.uuid());
            NewObservation earlier = firstInBatch.get(o.uuid());
            if (existing != null || earlier != null) {
                boolean same = existing != null ? sameRecord(existing, o)
                        : Objects.equals(earlier.observer(), o.observer()) && earlier.contentHash().equals(o.contentHash());
                if (same) {
                    duplicates.put(e.getKey(), o.uuid());
                } else {
                    clashes.put(e.getKey(), new Violation("items[" + e.getKey() + "].uuid", UUID_TAKEN));
                }
                return;
            }
            firstInBatch.put(o.uuid(), o);
            insertIndexes.add(e.getKey());
            inserts.add(o);
        });

        boolean[] inserted = observations.insertAll(inserts);
        List<OutboxMessage> events = new ArrayList<>();
        List<NewObservation> storedNow = new ArrayList<>();
        List<UUID> raced = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            NewObservation o = inserts.get(i);
            if (inserted[i]) {
                created.put(insertIndexes.get(i), o.uuid());
                ObservationSnapshot snapshot = o.snapshot();
                events.add(new OutboxMessage(Topics.OBSERVATIONS, snapshot.key(), EventTypes.OBSERVATION_RECORDED, snapshot));
                events.add(publicEvent(Disclosure.Facts.of(o), EventTypes.OBSERVATION_RECORDED));
                storedNow.add(o);
            } else {
                raced.add(o.uuid());
            }
        }
        if (!raced.isEmpty()) {
            // Stored by a concurrent request between our lookup and insert: decide like a replay.
            Map<UUID, Stored> now = observations.findStored(raced);
            for (int i = 0; i < inserts.size(); i++) {
                if (!inserted[i]) {
                    NewObservation o = inserts.get(i);
                    Stored existing = now.get(o.uuid());
                    if (existing != null && sameRecord(existing, o)) {
                        duplicates.put(insertIndexes.get(i), o.uuid());
                    } else {
                        clashes.put(insertIndexes.get(i), new Violation("items[" + insertIndexes.get(i) + "].uuid", UUID_TAKEN));
                    }
                }
            }
        }
        outbox.publishAll(events);
        metrics.countOnCommit(storedNow);
        return new BatchOutcome(created, duplicates, clashes);
    }

    /** Sets the review decision; a repeat of the current decision changes nothing and publishes nothing. */
    @Transactional
    public Observation review(UUID uuid, ReviewDecision decision, String comment, Caller reviewer) {
        Observation o = observations.findForUpdate(uuid);
        if (o == null) {
            throw ProblemException.notFound("No observation " + uuid);
        }
        ObservationStatus status = ObservationStatus.valueOf(decision.name());
        if (o.status == status && Objects.equals(o.reviewComment, comment) && Objects.equals(o.reviewer, reviewer.subject())) {
            return o;
        }
        o.status = status;
        o.reviewComment = comment;
        o.reviewer = reviewer.subject();
        o.reviewedAt = Instant.now();
        ObservationSnapshot snapshot = snapshot(o);
        outbox.publish(Topics.OBSERVATIONS, snapshot.key(), EventTypes.OBSERVATION_REVIEWED, snapshot);
        outbox.publishAll(List.of(publicEvent(Disclosure.Facts.of(o, snapshot.species(), observations.media(o)),
                EventTypes.OBSERVATION_REVIEWED)));
        return o;
    }

    /**
     * The twin of an internal event on {@code observations.public}: the record as the anonymous API shows it. A
     * generalized one is held back to its release time, detached from this transaction, so that it cannot be tied to
     * the exact records written with it (a camera's batch), which go out at once.
     */
    private OutboxMessage publicEvent(Disclosure.Facts facts, String type) {
        Disclosure.Shown shown = disclosure.show(facts, Caller.ANONYMOUS);
        PublicObservation data = shown.toPublicEvent();
        return new OutboxMessage(Topics.OBSERVATIONS_PUBLIC, data.key(), type, data,
                shown.generalized() ? disclosure.releaseAfter(Instant.now()) : null);
    }

    public ObservationSnapshot snapshot(Observation o) {
        SpeciesSnapshot species = catalog.byId(o.speciesId)
                .orElseThrow(() -> new IllegalStateException("Species " + o.speciesId + " missing from the catalog"));
        return new ObservationSnapshot(o.uuid, species, o.count, o.observedAtWithOffset(), o.recordedAt,
                new GeoPoint(o.lat, o.lon, o.accuracyM, o.originalDatum.name()), o.countyCode, o.plotCode, o.method.name(),
                o.stationId, o.observer, o.source.name(), o.status.name(), o.reviewer, o.reviewComment, o.reviewedAt);
    }

    private static boolean sameRecord(Stored existing, NewObservation o) {
        return Objects.equals(existing.observer(), o.observer()) && existing.contentHash().equals(o.contentHash());
    }
}
