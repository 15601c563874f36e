package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.alert.domain.ControlAction;
import cn.jiaozuo.biodiversity.alert.domain.ControlCase;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseEvents;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus;
import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatusMachine;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link ControlCaseEvents} as outbox rows for topic {@code control-cases}, key = case id. */
@ApplicationScoped
public class OutboxControlCaseEvents implements ControlCaseEvents {

    private final Outbox outbox;

    public OutboxControlCaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void opened(ControlCase c) {
        outbox.publish(Topics.CONTROL_CASES, c.id.toString(), EventTypes.CONTROL_CASE_OPENED, c.toSnapshot(null, null));
    }

    @Override
    public void actionRecorded(ControlCase c, ControlAction action) {
        outbox.publish(Topics.CONTROL_CASES, c.id.toString(), EventTypes.CONTROL_ACTION_RECORDED, action.toSnapshot(c));
    }

    @Override
    public void updated(ControlCase c) {
        outbox.publish(Topics.CONTROL_CASES, c.id.toString(), EventTypes.CONTROL_CASE_UPDATED, c.toSnapshot(null, null));
    }

    @Override
    public void statusChanged(ControlCase c, ControlCaseStatus previous, ControlCaseStatusMachine.Reason reason) {
        outbox.publish(Topics.CONTROL_CASES, c.id.toString(), EventTypes.CONTROL_CASE_STATUS_CHANGED,
                c.toSnapshot(previous, reason.name()));
    }
}
