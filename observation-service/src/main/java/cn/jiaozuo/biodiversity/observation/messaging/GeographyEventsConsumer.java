package cn.jiaozuo.biodiversity.observation.messaging;

import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.messaging.ConsumerSpec;
import cn.jiaozuo.biodiversity.common.messaging.IdempotentConsumers;
import cn.jiaozuo.biodiversity.common.messaging.PoisonEventException;
import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import cn.jiaozuo.biodiversity.observation.config.CountyOutlineConfig;
import cn.jiaozuo.biodiversity.observation.domain.CountyOutlines;
import cn.jiaozuo.biodiversity.observation.repository.CountyOutlineRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the county outline read model ({@code county_outline}) in step with sampling-plot-service's compacted
 * {@code geography} topic (AreaOutlined), so intake can derive an omitted county while that service is down. Only
 * county outlines are kept: protected areas are passed over without a transaction. The newest {@code updatedAt} per
 * county wins; a withdrawn outline (inactive, or without geometry) stops being used. Events that can never be
 * applied (an unknown kind or county, no updatedAt, an unreadable outline) go to {@code geography.dlq}.
 */
@ApplicationScoped
public class GeographyEventsConsumer {

    static final String NAME = "observation-county-outline-read-model";
    private static final Logger LOG = Logger.getLogger(GeographyEventsConsumer.class);
    private static final Object REFRESH_KEY = new Object();

    private final IdempotentConsumers consumers;
    private final CountyOutlineRepository outlines;
    private final CountyOutlines index;
    private final ObjectMapper json;
    private final CountyOutlineConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public GeographyEventsConsumer(IdempotentConsumers consumers, CountyOutlineRepository outlines, CountyOutlines index,
            ObjectMapper json, CountyOutlineConfig config, TransactionSynchronizationRegistry transactions) {
        this.consumers = consumers;
        this.outlines = outlines;
        this.index = index;
        this.json = json;
        this.config = config;
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(NAME, config.consumerGroup(), List.of(Topics.GEOGRAPHY), Topics.GEOGRAPHY_DLQ,
                GeographyEventsConsumer::concerns), this::apply);
    }

    /** AreaOutlined events other than those of protected areas (an unknown kind is dead-lettered, not passed over). */
    static boolean concerns(EventEnvelope<JsonNode> event) {
        return EventTypes.AREA_OUTLINED.equals(event.type())
                && !(event.data() != null && AreaSnapshot.PROTECTED_AREA.equals(event.data().path("kind").asText(null)));
    }

    /** Runs in the consumer's transaction, together with the processed-event insert. */
    void apply(EventEnvelope<JsonNode> event) {
        AreaSnapshot area;
        try {
            area = json.treeToValue(event.data(), AreaSnapshot.class);
        } catch (Exception e) {
            throw new PoisonEventException("AreaSnapshot payload unreadable: " + e.getMessage(), e);
        }
        if (area == null || !AreaSnapshot.COUNTY.equals(area.kind())) {
            throw new PoisonEventException("Area kind " + (area == null ? null : area.kind())
                    + " is neither COUNTY nor PROTECTED_AREA");
        }
        if (!JiaozuoCounty.isValid(area.id())) {
            throw new PoisonEventException("County outline for unknown county " + area.id());
        }
        if (area.updatedAt() == null) {
            throw new PoisonEventException("County " + area.id() + " without updatedAt: newer and older outlines could not be told apart");
        }
        boolean withdrawn = !area.active() || area.geometry() == null || area.geometry().isNull();
        if (!withdrawn) {
            try {
                GeoJsonShapes.parse(area.geometry());
            } catch (RuntimeException e) {
                throw new PoisonEventException("County " + area.id() + " has an unusable outline: " + e.getMessage(), e);
            }
        }
        if (outlines.upsert(area.id(), !withdrawn, withdrawn ? null : area.geometry().toString(), area.updatedAt())) {
            AfterCommit.runOnce(transactions, REFRESH_KEY, index::refreshSoon);
        } else {
            LOG.debugf("County %s: an outline of %s is older than the stored one", area.id(), area.updatedAt());
        }
    }
}
