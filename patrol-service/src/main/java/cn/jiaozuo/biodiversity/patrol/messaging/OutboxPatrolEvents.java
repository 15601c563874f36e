package cn.jiaozuo.biodiversity.patrol.messaging;

import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.GeoPoint;
import cn.jiaozuo.biodiversity.common.events.IncidentSnapshot;
import cn.jiaozuo.biodiversity.common.events.PatrolSnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.common.outbox.OutboxMessage;
import cn.jiaozuo.biodiversity.patrol.domain.Incident;
import cn.jiaozuo.biodiversity.patrol.domain.MediaRef;
import cn.jiaozuo.biodiversity.patrol.domain.Patrol;
import cn.jiaozuo.biodiversity.patrol.domain.PatrolEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Patrol events through the transactional outbox, in the caller's transaction: {@code PatrolRecorded}, then one
 * {@code IncidentReported} per incident, all keyed by the patrol's uuid so that they stay in this order.
 */
@ApplicationScoped
public class OutboxPatrolEvents implements PatrolEvents {

    private final Outbox outbox;

    public OutboxPatrolEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void recorded(Patrol p) {
        String key = p.uuid.toString();
        List<String> team = List.copyOf(p.team);
        List<OutboxMessage> events = new ArrayList<>(1 + p.incidents.size());
        events.add(new OutboxMessage(Topics.PATROLS, key, EventTypes.PATROL_RECORDED, new PatrolSnapshot(p.uuid, p.mandate.name(),
                p.transport.name(), p.countyCode, team, p.recordedBy, p.recordedAt, p.source.name(), p.startedAt, p.endedAt,
                p.distanceKm(), Math.round(p.durationHours() * 1000) / 1000.0, p.incidentCount)));
        for (Incident i : p.incidents) {
            events.add(reported(p, i, p.datum.name()));
        }
        outbox.publishAll(events);
    }

    /** One IncidentReported per added incident, after the patrol's earlier events (same key). */
    @Override
    public void incidentsAdded(Patrol p, List<Incident> incidents) {
        outbox.publishAll(incidents.stream().map(i -> reported(p, i, (i.sentDatum == null ? p.datum : i.sentDatum).name())).toList());
    }

    private static OutboxMessage reported(Patrol p, Incident i, String originalDatum) {
        return new OutboxMessage(Topics.PATROLS, p.uuid.toString(), EventTypes.INCIDENT_REPORTED, new IncidentSnapshot(i.uuid,
                p.uuid, i.type.name(), i.actionTaken.name(), i.speciesId, new GeoPoint(i.lat, i.lon, null, originalDatum),
                i.observedAt, i.count, i.notes, i.media.stream().map(MediaRef::url).toList(), p.countyCode, p.mandate.name(),
                List.copyOf(p.team), p.recordedBy, i.protectedAreaId));
    }
}
