package cn.jiaozuo.biodiversity.plot.messaging;

import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.plot.domain.Plot;
import cn.jiaozuo.biodiversity.plot.domain.PlotRevision;
import cn.jiaozuo.biodiversity.plot.domain.PlotSnapshots;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a plot change's event ({@code PlotUpserted} / {@code PlotRetired} on the compacted topic
 * {@code plots}, key = plot code) into the outbox and the same snapshot into the plot's history,
 * both in the caller's transaction.
 */
@ApplicationScoped
public class PlotEvents {

    private final Outbox outbox;
    private final PlotRepository plots;
    private final PlotSnapshots snapshots;

    public PlotEvents(Outbox outbox, PlotRepository plots, PlotSnapshots snapshots) {
        this.outbox = outbox;
        this.plots = plots;
        this.snapshots = snapshots;
    }

    public PlotSnapshot publish(Plot plot, String type, String actor) {
        PlotSnapshot snapshot = snapshots.of(plot);
        PlotRevision revision = new PlotRevision();
        revision.key = new PlotRevision.Key(plot.code, plots.nextRevision(plot.code));
        revision.eventType = type;
        revision.changedAt = plot.updatedAt;
        revision.changedBy = actor;
        revision.snapshot = snapshots.toText(snapshot);
        plots.addRevision(revision);
        outbox.publish(Topics.PLOTS, plot.code, type, snapshot);
        return snapshot;
    }
}
