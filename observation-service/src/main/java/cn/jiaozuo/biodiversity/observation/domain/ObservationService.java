package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.observation.config.IntakeMetrics;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Records and reviews observations: each call applies the intake rules, stores, and publishes its events
 * ({@link ObservationEvents}) in one transaction, on {@code observations} (internal, exact) and on
 * {@code observations.public} (as the public sees the record). A single post costs a row, its outbox rows and a
 * commit; a batch costs one lookup of the uuids sent, one insert of its rows and one of its outbox events.
 */
@ApplicationScoped
public class ObservationService {

    static final String UUID_TAKEN = "this uuid is already used by another record or another caller;"
            + " generate a new uuid for a new observation";

    private final ObservationRules rules;
    private final ObservationRepository observations;
    private final ObservationReader reader;
    private final ObservationEvents events;
    private final IntakeMetrics metrics;
    private final Disclosure disclosure;

    public ObservationService(ObservationRules rules, ObservationRepository observations, ObservationReader reader,
            ObservationEvents events, IntakeMetrics metrics, Disclosure disclosure) {
        this.rules = rules;
        this.observations = observations;
        this.reader = reader;
        this.events = events;
        this.metrics = metrics;
        this.disclosure = disclosure;
    }

    /** The outcome of one post: the record as the caller sees it, and whether it is new (else a replay). */
    public record Recorded(Disclosure.Shown observation, boolean created) {
    }

    public enum ItemStatus {
        CREATED, DUPLICATE, REJECTED
    }

    /**
     * The outcome of one item of a batch. {@code uuid} is the stored record's (made by the server when the item had
     * none), else the item's own; {@code violations} (fields as in a single post) only when REJECTED.
     */
    public record ItemResult(UUID uuid, ItemStatus status, List<Violation> violations) {
    }

    /**
     * Records one observation for {@code caller}. A replay (same uuid, content and caller) answers with the stored
     * record, also when it would no longer pass the rules; invalid content is a 400 naming every violation; a uuid
     * taken by other content or another caller is a 409.
     */
    @Transactional
    public Recorded record(RecordObservation command, Caller caller) {
        ObservationRules.Outcome outcome = rules.apply(command, caller, now());
        if (!outcome.valid()) {
            // Stored earlier and no longer passing (e.g. its plot was retired since): still a replay.
            Observation stored = command.uuid() == null || outcome.contentHash() == null ? null
                    : observations.findById(command.uuid());
            if (stored != null && sameRecord(stored.observer, stored.contentHash, caller.subject(), outcome.contentHash())) {
                return new Recorded(reader.show(stored, caller), false);
            }
            throw ProblemException.badRequest(outcome.violations());
        }
        IntakeGroupCommit.Committed committed = storeValid(List.of(outcome.observation()), List.of(caller)).get(0);
        if (committed.failure() != null) {
            throw committed.failure();
        }
        return committed.recorded();
    }

    /**
     * Stores valid single posts of several callers in one transaction (see {@link IntakeGroupCommit}): each is new,
     * a replay of a stored record (also of one earlier in the group), or a 409, exactly as {@link #record} answers.
     */
    @Transactional
    public List<IntakeGroupCommit.Committed> recordGroup(List<NewObservation> group, List<Caller> callers) {
        return storeValid(group, callers);
    }

    private List<IntakeGroupCommit.Committed> storeValid(List<NewObservation> group, List<Caller> callers) {
        boolean[] inserted = observations.insertAll(group);
        List<IntakeGroupCommit.Committed> results = new ArrayList<>(group.size());
        List<NewObservation> storedNow = new ArrayList<>();
        List<ObservationEvents.Published> published = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            NewObservation o = group.get(i);
            Caller caller = callers.get(i);
            if (inserted[i]) {
                Disclosure.Facts facts = Disclosure.Facts.of(o); // no read back: we know what we wrote
                published.add(published(facts));
                storedNow.add(o);
                results.add(new IntakeGroupCommit.Committed(new Recorded(disclosure.show(facts, caller), true), null));
                continue;
            }
            // The uuid exists (committed, possibly by a concurrent twin we waited for, or earlier in this group).
            Observation stored = observations.findById(o.uuid());
            results.add(stored == null || !sameRecord(stored.observer, stored.contentHash, o.observer(), o.contentHash())
                    ? new IntakeGroupCommit.Committed(null, ProblemException.conflict("Observation " + o.uuid()
                            + " exists with other content or from another caller; a new observation needs a new uuid"))
                    : new IntakeGroupCommit.Committed(new Recorded(reader.show(stored, caller), false), null));
        }
        if (!published.isEmpty()) {
            events.recorded(published);
        }
        metrics.countOnCommit(storedNow);
        return results;
    }

    /**
     * Records a batch for {@code caller}: every item through the rules, the valid ones stored in this one transaction
     * even when others are rejected. An item reusing a uuid already stored (or earlier in the batch) is a DUPLICATE
     * when identical and REJECTED on {@code uuid} otherwise; an invalid item that replays a record stored earlier is a
     * DUPLICATE too. Results are in the order of {@code items}.
     */
    @Transactional
    public List<ItemResult> recordAll(List<RecordObservation> items, Caller caller) {
        Instant now = now();
        List<ObservationRules.Outcome> outcomes = new ArrayList<>(items.size());
        Set<UUID> sent = new HashSet<>();
        for (RecordObservation item : items) {
            ObservationRules.Outcome outcome = rules.apply(item, caller, now);
            outcomes.add(outcome);
            if (outcome.valid()) {
                sent.add(outcome.observation().uuid());
            } else if (item.uuid() != null && outcome.contentHash() != null) {
                sent.add(item.uuid()); // a replay candidate
            }
        }
        Map<UUID, Stored> stored = sent.isEmpty() ? Map.of() : observations.findStored(sent);

        ItemResult[] results = new ItemResult[items.size()];
        Map<UUID, NewObservation> firstInBatch = new HashMap<>();
        List<Integer> insertIndexes = new ArrayList<>();
        List<NewObservation> inserts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ObservationRules.Outcome outcome = outcomes.get(i);
            if (!outcome.valid()) {
                UUID uuid = items.get(i).uuid();
                Stored existing = uuid == null || outcome.contentHash() == null ? null : stored.get(uuid);
                results[i] = existing != null && sameRecord(existing.observer(), existing.contentHash(), caller.subject(),
                        outcome.contentHash()) ? new ItemResult(uuid, ItemStatus.DUPLICATE, null)
                        : new ItemResult(uuid, ItemStatus.REJECTED, outcome.violations());
                continue;
            }
            NewObservation o = outcome.observation();
            Stored existing = stored.get(o.uuid());
            NewObservation earlier = firstInBatch.get(o.uuid());
            if (existing != null) {
                results[i] = replayOrClash(o, existing.observer(), existing.contentHash());
            } else if (earlier != null) {
                results[i] = replayOrClash(o, earlier.observer(), earlier.contentHash());
            } else {
                firstInBatch.put(o.uuid(), o);
                insertIndexes.add(i);
                inserts.add(o);
            }
        }

        boolean[] inserted = observations.insertAll(inserts);
        List<NewObservation> storedNow = new ArrayList<>();
        List<UUID> raced = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            NewObservation o = inserts.get(i);
            if (inserted[i]) {
                results[insertIndexes.get(i)] = new ItemResult(o.uuid(), ItemStatus.CREATED, null);
                storedNow.add(o);
            } else {
                raced.add(o.uuid());
            }
        }
        if (!raced.isEmpty()) {
            // Stored by a concurrent request between our lookup and insert: decide like a replay.
            Map<UUID, Stored> current = observations.findStored(raced);
            for (int i = 0; i < inserts.size(); i++) {
                if (!inserted[i]) {
                    NewObservation o = inserts.get(i);
                    Stored existing = current.get(o.uuid());
                    results[insertIndexes.get(i)] = existing == null ? clash(o.uuid())
                            : replayOrClash(o, existing.observer(), existing.contentHash());
                }
            }
        }
        events.recorded(storedNow.stream().map(o -> published(Disclosure.Facts.of(o))).toList());
        metrics.countOnCommit(storedNow);
        return List.of(results);
    }

    /** Sets the review decision; a repeat of the current decision changes nothing and publishes nothing. */
    @Transactional
    public Disclosure.Shown review(UUID uuid, ReviewDecision decision, String comment, Caller reviewer) {
        Observation o = observations.findForUpdate(uuid);
        if (o == null) {
            throw ProblemException.notFound("No observation " + uuid);
        }
        ObservationStatus status = ObservationStatus.valueOf(decision.name());
        boolean unchanged = o.status == status && Objects.equals(o.reviewComment, comment)
                && Objects.equals(o.reviewer, reviewer.subject());
        if (!unchanged) {
            o.status = status;
            o.reviewComment = comment;
            o.reviewer = reviewer.subject();
            o.reviewedAt = Instant.now();
        }
        Disclosure.Facts facts = reader.facts(o);
        if (!unchanged) {
            events.reviewed(published(facts));
        }
        return disclosure.show(facts, reviewer);
    }

    /**
     * An event's two payloads: the exact record, and the record as the anonymous API shows it. A generalized one is
     * held back to its release, detached from this transaction, so that it cannot be tied to the exact records
     * written with it (a camera's batch), which go out at once.
     */
    private ObservationEvents.Published published(Disclosure.Facts facts) {
        Disclosure.Shown shown = disclosure.show(facts, Caller.ANONYMOUS);
        return new ObservationEvents.Published(facts.snapshot(), shown.toPublicEvent(),
                shown.generalized() ? disclosure.releaseAfter(Instant.now()) : null);
    }

    private static ItemResult replayOrClash(NewObservation o, String storedObserver, String storedHash) {
        return sameRecord(storedObserver, storedHash, o.observer(), o.contentHash())
                ? new ItemResult(o.uuid(), ItemStatus.DUPLICATE, null) : clash(o.uuid());
    }

    private static ItemResult clash(UUID uuid) {
        return new ItemResult(uuid, ItemStatus.REJECTED, List.of(new Violation("uuid", UUID_TAKEN)));
    }

    /** A replay: the same caller sent the same content (the uuid matched already). */
    private static boolean sameRecord(String storedObserver, String storedHash, String observer, String contentHash) {
        return Objects.equals(storedObserver, observer) && storedHash.equals(contentHash);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so replays answer identically
    }
}
