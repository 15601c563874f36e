package cn.jiaozuo.biodiversity.patrol.domain;

import java.util.List;

/**
 * What the rest of the system hears of patrols. Called inside the transaction that stores the change, so an
 * implementation writing to the outbox publishes exactly what was committed.
 */
public interface PatrolEvents {

    /** A patrol was stored, with its incidents (each reported on its own as well). */
    void recorded(Patrol patrol);

    /** Incidents were added to a stored patrol (sent later, or confirmed from its GPX waypoints). */
    void incidentsAdded(Patrol patrol, List<Incident> incidents);
}
