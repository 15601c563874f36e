package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.SurveySnapshot;

/**
 * The one way domain code publishes this service's events. Called inside the transaction that made the change; the
 * implementation (module messaging) writes the event to the outbox, so it commits or vanishes with the change.
 */
public interface PlotEvents {

    /** {@code PlotUpserted} or {@code PlotRetired} with the plot as it now is. */
    void plotChanged(String type, PlotSnapshot plot);

    /** {@code StationUpserted}: the station's registry entry changed (registration, move, new binding). */
    void stationChanged(Station station);

    /** {@code AreaOutlined}: a county's or protected area's outline was set, changed or withdrawn. */
    void areaOutlined(AreaSnapshot area);

    /** {@code SurveyRecorded}: a survey visit was recorded (or, once, one recorded before visits were published). */
    void surveyRecorded(SurveySnapshot survey);
}
