package cn.jiaozuo.biodiversity.alert.domain;

/**
 * The one way domain code publishes control-case events (topic {@code control-cases}, key = case id), in the
 * transaction of the change.
 */
public interface ControlCaseEvents {

    void opened(ControlCase controlCase);

    void actionRecorded(ControlCase controlCase, ControlAction action);

    /** Area, severity or responsible unit changed by hand. */
    void updated(ControlCase controlCase);

    void statusChanged(ControlCase controlCase, ControlCaseStatus previous, ControlCaseStatusMachine.Reason reason);
}
