package cn.jiaozuo.biodiversity.observation.messaging;

import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.StationSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.messaging.ConsumerSpec;
import cn.jiaozuo.biodiversity.common.messaging.IdempotentConsumers;
import cn.jiaozuo.biodiversity.common.messaging.PoisonEventException;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import cn.jiaozuo.biodiversity.observation.config.StationBindingConfig;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.observation.repository.StationBindingRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the station read model ({@code station_binding}) in step with the compacted {@code stations}
 * topic of sampling-plot-service, so intake can check who may upload for a station while that service is
 * down. Events that can never be applied (no usable id, an oversized subject, an unreadable payload) go to
 * {@code stations.dlq}.
 */
@ApplicationScoped
public class StationEventsConsumer {

    static final String NAME = "observation-station-read-model";
    private static final Logger LOG = Logger.getLogger(StationEventsConsumer.class);
    private static final Object REFRESH_KEY = new Object();

    private final IdempotentConsumers consumers;
    private final StationBindingRepository bindings;
    private final StationBindings stations;
    private final ObjectMapper json;
    private final StationBindingConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public StationEventsConsumer(IdempotentConsumers consumers, StationBindingRepository bindings, StationBindings stations,
            ObjectMapper json, StationBindingConfig config, TransactionSynchronizationRegistry transactions) {
        this.consumers = consumers;
        this.bindings = bindings;
        this.stations = stations;
        this.json = json;
        this.config = config;
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(NAME, config.consumerGroup(), List.of(Topics.STATIONS), Topics.STATIONS_DLQ),
                this::apply);
    }

    /** Runs in the consumer's transaction, together with the processed-event insert. */
    void apply(EventEnvelope<JsonNode> event) {
        if (!EventTypes.STATION_UPSERTED.equals(event.type())) {
            LOG.debugf("Ignoring station event type %s", event.type());
            return;
        }
        StationSnapshot station;
        try {
            station = json.treeToValue(event.data(), StationSnapshot.class);
        } catch (Exception e) {
            throw new PoisonEventException("Station payload unreadable: " + e.getMessage(), e);
        }
        if (station.id() == null || station.id().isBlank() || station.id().length() > 100) {
            throw new PoisonEventException("Station event without a usable id");
        }
        if (station.subject() != null && station.subject().length() > 200) {
            throw new PoisonEventException("Station " + station.id() + " has a subject over 200 characters");
        }
        if (bindings.upsert(station.id(), station.subject(), station.updatedAt())) {
            AfterCommit.runOnce(transactions, REFRESH_KEY, stations::refreshSoon);
        }
    }
}
