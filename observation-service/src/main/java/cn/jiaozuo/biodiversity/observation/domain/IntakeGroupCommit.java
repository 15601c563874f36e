package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.runtime.BackgroundLoop;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.observation.domain.ObservationService.Recorded;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Single posts, taken on the event loop and committed in groups. A sighting is checked by the intake rules where
 * it arrives (they are pure and in memory), then queued; one committer thread stores whatever has queued up
 * meanwhile in one transaction (one multi-row insert, one outbox batch, one commit and fsync), and each post is
 * answered on its own event loop once that commit is done, never before. Under load, concurrent posts share commits
 * instead of each paying for its own, and no request waits on a worker thread; alone, a post is committed at once.
 *
 * <p>What needs the database before it can be answered goes to a worker thread as before: a post naming a species
 * the loaded catalog does not know (the catalog may reload), and an invalid post that may replay a stored record.
 * A group whose transaction fails is retried one post at a time, so one post's failure is its own answer only.
 */
@ApplicationScoped
public class IntakeGroupCommit {

    /** At most this many posts share one transaction (a few ms of inserts; larger groups only add latency). */
    static final int MAX_GROUP = 256;
    /** Posts waiting beyond this answer 503: the database is far behind, and clients retry. */
    static final int MAX_WAITING = 10_000;

    private final ObservationService service;
    private final ObservationRules rules;
    private final SpeciesCatalog catalog;
    private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private final BackgroundLoop committer;

    public IntakeGroupCommit(ObservationService service, ObservationRules rules, SpeciesCatalog catalog) {
        this.service = service;
        this.rules = rules;
        this.catalog = catalog;
        // The interval only bounds a lost wake-up; every submit wakes the committer.
        this.committer = BackgroundLoop.named("intake-group-commit").every(Duration.ofMillis(50)).build(this::commitWaiting);
    }

    /** A valid post waiting for its group's commit, and where to answer it. */
    record Pending(NewObservation observation, Caller caller, CompletableFuture<Recorded> answer, Context context) {
    }

    /** The outcome of one post of a group: its answer, or the failure that is its answer. */
    public record Committed(Recorded recorded, RuntimeException failure) {
    }

    void start(@Observes StartupEvent event) {
        committer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        committer.stop();
        Pending left;
        while ((left = waiting.poll()) != null) {
            answer(left, null, new ProblemException(503, "The service is shutting down; send the observation again"));
        }
    }

    /**
     * Records one post as {@link ObservationService#record} does, with the same answers: the stored record (new, or
     * a replay), a 400 naming every violation, or a 409.
     */
    public CompletionStage<Recorded> submit(RecordObservation command, Caller caller) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()
                || !catalog.knowsWithoutReload(command.speciesId(), command.scientificName())) {
            return onWorker(context, () -> service.record(command, caller));
        }
        ObservationRules.Outcome outcome = rules.apply(command, caller, ObservationService.now());
        if (!outcome.valid()) {
            if (command.uuid() == null || outcome.contentHash() == null) {
                return CompletableFuture.failedFuture(ProblemException.badRequest(outcome.violations()));
            }
            return onWorker(context, () -> service.record(command, caller)); // may replay a stored record
        }
        Pending pending = new Pending(outcome.observation(), caller, new CompletableFuture<>(), context);
        if (!waiting.offer(pending)) {
            return CompletableFuture.failedFuture(new ProblemException(503,
                    "Too many observations are waiting to be stored; send this one again in a few seconds"));
        }
        committer.wakeUp();
        return pending.answer();
    }

    private boolean commitWaiting() {
        List<Pending> group = new ArrayList<>(Math.min(MAX_GROUP, waiting.size() + 1));
        waiting.drainTo(group, MAX_GROUP);
        if (group.isEmpty()) {
            return false;
        }
        try {
            List<Committed> results = service.recordGroup(group.stream().map(p -> p.observation()).toList(),
                    group.stream().map(Pending::caller).toList());
            for (int i = 0; i < group.size(); i++) {
                answer(group.get(i), results.get(i).recorded(), results.get(i).failure());
            }
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                answer(group.get(0), null, groupFailed);
            } else {
                for (Pending p : group) { // so that one post's failure is not its neighbours'
                    try {
                        Committed alone = service.recordGroup(List.of(p.observation()), List.of(p.caller())).get(0);
                        answer(p, alone.recorded(), alone.failure());
                    } catch (RuntimeException failed) {
                        answer(p, null, failed);
                    }
                }
            }
        }
        return !waiting.isEmpty();
    }

    /** Completes on the post's own event loop, which writes the response: the committer goes on to the next group. */
    private static void answer(Pending p, Recorded recorded, RuntimeException failure) {
        p.context().runOnContext(ignored -> {
            if (failure != null) {
                p.answer().completeExceptionally(failure);
            } else {
                p.answer().complete(recorded);
            }
        });
    }

    private static CompletionStage<Recorded> onWorker(Context context, Supplier<Recorded> work) {
        if (context == null) {
            return CompletableFuture.completedFuture(work.get());
        }
        return context.<Recorded>executeBlocking(work::get, false).toCompletionStage();
    }
}
