package cn.jiaozuo.biodiversity.observation.messaging;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.messaging.ConsumerSpec;
import cn.jiaozuo.biodiversity.common.messaging.IdempotentConsumers;
import cn.jiaozuo.biodiversity.common.messaging.PoisonEventException;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import cn.jiaozuo.biodiversity.observation.config.PlotIndexConfig;
import cn.jiaozuo.biodiversity.observation.domain.PlotArea;
import cn.jiaozuo.biodiversity.observation.domain.PlotIndex;
import cn.jiaozuo.biodiversity.observation.repository.PlotAreaRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the plot read model ({@code plot_area}) in step with the compacted {@code plots} topic of
 * sampling-plot-service, so intake can assign plots while that service is down. Events that can
 * never be applied (no code, unknown county, unreadable geometry) go to {@code plots.dlq}.
 */
@ApplicationScoped
public class PlotEventsConsumer {

    static final String NAME = "observation-plot-read-model";
    private static final Logger LOG = Logger.getLogger(PlotEventsConsumer.class);
    private static final Object REFRESH_KEY = new Object();

    private final IdempotentConsumers consumers;
    private final PlotAreaRepository plots;
    private final PlotIndex index;
    private final ObjectMapper json;
    private final PlotIndexConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public PlotEventsConsumer(IdempotentConsumers consumers, PlotAreaRepository plots, PlotIndex index, ObjectMapper json,
            PlotIndexConfig config, TransactionSynchronizationRegistry transactions) {
        this.consumers = consumers;
        this.plots = plots;
        this.index = index;
        this.json = json;
        this.config = config;
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(NAME, config.consumerGroup(), List.of(Topics.PLOTS), Topics.PLOTS_DLQ), this::apply);
    }

    /** Runs in the consumer's transaction, together with the processed-event insert. */
    void apply(EventEnvelope<JsonNode> event) {
        boolean retired = EventTypes.PLOT_RETIRED.equals(event.type());
        if (!retired && !EventTypes.PLOT_UPSERTED.equals(event.type())) {
            LOG.debugf("Ignoring plot event type %s", event.type());
            return;
        }
        PlotSnapshot plot;
        try {
            plot = json.treeToValue(event.data(), PlotSnapshot.class);
        } catch (Exception e) {
            throw new PoisonEventException("Plot payload unreadable: " + e.getMessage(), e);
        }
        if (plot.code() == null || plot.code().isBlank() || plot.code().length() > 40) {
            throw new PoisonEventException("Plot event without a usable code");
        }
        if (!JiaozuoCounty.isValid(plot.countyCode())) {
            throw new PoisonEventException("Plot " + plot.code() + " has unknown county " + plot.countyCode());
        }
        String status = retired || PlotArea.RETIRED.equals(plot.status()) ? PlotArea.RETIRED : PlotArea.ACTIVE;
        if (!retired) {
            try {
                GeoJsonShapes.parse(plot.geometry());
            } catch (RuntimeException e) {
                throw new PoisonEventException("Plot " + plot.code() + " has an unusable geometry: " + e.getMessage(), e);
            }
        }
        String geometry = plot.geometry() == null ? "null" : plot.geometry().toString();
        if (plots.upsert(plot.code(), plot.countyCode(), status, geometry, plot.updatedAt())) {
            refreshIndexAfterCommit();
        }
    }

    private void refreshIndexAfterCommit() {
        AfterCommit.runOnce(transactions, REFRESH_KEY, index::refreshSoon);
    }
}
