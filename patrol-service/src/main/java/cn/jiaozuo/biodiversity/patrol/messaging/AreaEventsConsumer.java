package cn.jiaozuo.biodiversity.patrol.messaging;

import cn.jiaozuo.biodiversity.common.geo.GeoJsonShapes;
import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventEnvelope;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.messaging.ConsumerSpec;
import cn.jiaozuo.biodiversity.common.messaging.IdempotentConsumers;
import cn.jiaozuo.biodiversity.common.messaging.PoisonEventException;
import cn.jiaozuo.biodiversity.patrol.config.AreaConsumerConfig;
import cn.jiaozuo.biodiversity.patrol.domain.Area;
import cn.jiaozuo.biodiversity.patrol.domain.AreaEffort;
import cn.jiaozuo.biodiversity.patrol.domain.AreaKind;
import cn.jiaozuo.biodiversity.patrol.repository.AreaRepository.AreaRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the read model of areas ({@code geography_area}) from sampling-plot-service's compacted topics: plots
 * ({@code plots}: PlotUpserted, PlotRetired) and county and protected-area outlines ({@code geography}: AreaOutlined).
 * The newest {@code updatedAt} per area wins; a retired plot or a withdrawn outline becomes inactive. Each applied
 * change re-splits the stored patrols it concerns in the same transaction ({@link AreaEffort#outlineChanged}). Events
 * that can never be applied (no id, an unknown county, an unreadable outline) go to {@code plots.dlq} or
 * {@code geography.dlq}.
 */
@ApplicationScoped
public class AreaEventsConsumer {

    static final String PLOTS = "patrol-plot-read-model";
    static final String GEOGRAPHY = "patrol-geography-read-model";
    private static final Logger LOG = Logger.getLogger(AreaEventsConsumer.class);

    private final IdempotentConsumers consumers;
    private final AreaEffort areas;
    private final ObjectMapper json;
    private final AreaConsumerConfig config;

    public AreaEventsConsumer(IdempotentConsumers consumers, AreaEffort areas, ObjectMapper json, AreaConsumerConfig config) {
        this.consumers = consumers;
        this.areas = areas;
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(PLOTS, config.plotsConsumerGroup(), List.of(Topics.PLOTS), Topics.PLOTS_DLQ,
                e -> EventTypes.PLOT_UPSERTED.equals(e.type()) || EventTypes.PLOT_RETIRED.equals(e.type())), this::plot);
        consumers.start(new ConsumerSpec(GEOGRAPHY, config.geographyConsumerGroup(), List.of(Topics.GEOGRAPHY),
                Topics.GEOGRAPHY_DLQ, e -> EventTypes.AREA_OUTLINED.equals(e.type())), this::outline);
    }

    /** Runs in the consumer's transaction, together with the processed-event insert. */
    void plot(EventEnvelope<JsonNode> event) {
        PlotSnapshot plot = read(event, PlotSnapshot.class);
        String code = id(plot.code(), "Plot");
        if (!JiaozuoCounty.isValid(plot.countyCode())) {
            throw new PoisonEventException("Plot " + code + " has unknown county " + plot.countyCode());
        }
        boolean active = !EventTypes.PLOT_RETIRED.equals(event.type()) && "ACTIVE".equals(plot.status());
        // A retired plot keeps its polygon when the event carries it: the splits of earlier patrols stay with it.
        Area outline = plot.geometry() == null || plot.geometry().isNull() ? null : outline(AreaKind.PLOT, code, plot.name(), plot.geometry());
        if (active && outline == null) {
            throw new PoisonEventException("Active plot " + code + " has no geometry");
        }
        apply(new AreaRow(AreaKind.PLOT, code, name(plot.name(), code), plot.countyCode(),
                outline == null ? null : plot.geometry().toString(), active, updatedAt(plot.updatedAt(), code)), active ? outline : null);
    }

    /** Runs in the consumer's transaction, together with the processed-event insert. */
    void outline(EventEnvelope<JsonNode> event) {
        AreaSnapshot area = read(event, AreaSnapshot.class);
        AreaKind kind;
        if (AreaSnapshot.COUNTY.equals(area.kind())) {
            kind = AreaKind.COUNTY;
        } else if (AreaSnapshot.PROTECTED_AREA.equals(area.kind())) {
            kind = AreaKind.PROTECTED_AREA;
        } else {
            throw new PoisonEventException("Area kind " + area.kind() + " is neither COUNTY nor PROTECTED_AREA");
        }
        String id = id(area.id(), "Area");
        if (kind == AreaKind.COUNTY && !JiaozuoCounty.isValid(id)) {
            throw new PoisonEventException("County outline for unknown county " + id);
        }
        if (area.countyCode() != null && !JiaozuoCounty.isValid(area.countyCode())) {
            throw new PoisonEventException("Area " + id + " has unknown county " + area.countyCode());
        }
        // Withdrawn: inactive, or no outline. Its splits go with it.
        boolean withdrawn = !area.active() || area.geometry() == null || area.geometry().isNull();
        Area outline = withdrawn ? null : outline(kind, id, area.name(), area.geometry());
        apply(new AreaRow(kind, id, name(area.name(), id), kind == AreaKind.COUNTY ? id : area.countyCode(),
                withdrawn ? null : area.geometry().toString(), !withdrawn, updatedAt(area.updatedAt(), id)), outline);
    }

    private void apply(AreaRow row, Area outline) {
        if (!areas.outlineChanged(row, outline)) {
            LOG.debugf("Area %s %s: an event of %s is older than the stored state", row.kind(), row.id(), row.updatedAt());
        }
    }

    private <T> T read(EventEnvelope<JsonNode> event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonEventException(type.getSimpleName() + " payload unreadable: " + e.getMessage(), e);
        }
    }

    private static String id(String id, String what) {
        if (id == null || id.isBlank() || id.length() > 60) {
            throw new PoisonEventException(what + " event without a usable id (1–60 characters)");
        }
        return id;
    }

    private static String name(String name, String id) {
        return name == null || name.isBlank() ? id : name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static Instant updatedAt(Instant updatedAt, String id) {
        if (updatedAt == null) {
            throw new PoisonEventException("Area " + id + " without updatedAt: newer and older states could not be told apart");
        }
        return updatedAt;
    }

    private static Area outline(AreaKind kind, String id, String name, JsonNode geometry) {
        try {
            return Area.of(kind, id, name, GeoJsonShapes.parse(geometry));
        } catch (RuntimeException e) {
            throw new PoisonEventException(kind + " " + id + " has an unusable outline: " + e.getMessage(), e);
        }
    }
}
