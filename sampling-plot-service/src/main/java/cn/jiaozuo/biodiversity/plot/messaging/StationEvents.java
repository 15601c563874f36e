package cn.jiaozuo.biodiversity.plot.messaging;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.StationSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.plot.domain.Station;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a station's registry entry ({@code StationUpserted} on the compacted topic {@code stations},
 * key = station id) into the outbox in the caller's transaction. observation-service keeps the binding
 * from it to refuse uploads naming the station from another identity. No point and no last-seen time:
 * no consumer needs them, and the topic must not become a second way to learn them.
 */
@ApplicationScoped
public class StationEvents {

    private final Outbox outbox;

    public StationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public StationSnapshot publish(Station s) {
        StationSnapshot snapshot = new StationSnapshot(s.id, s.type.name(), s.subject, s.plotCode, s.updatedAt);
        outbox.publish(Topics.STATIONS, s.id, EventTypes.STATION_UPSERTED, snapshot);
        return snapshot;
    }
}
