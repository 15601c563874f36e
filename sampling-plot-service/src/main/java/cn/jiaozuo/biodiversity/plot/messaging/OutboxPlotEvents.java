package cn.jiaozuo.biodiversity.plot.messaging;

import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.events.StationSnapshot;
import cn.jiaozuo.biodiversity.common.events.SurveySnapshot;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.plot.domain.PlotEvents;
import cn.jiaozuo.biodiversity.plot.domain.Station;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link PlotEvents} through the outbox, in the caller's transaction: plots on the compacted topic {@code plots}
 * (key = plot code), stations on the compacted topic {@code stations} (key = station id). A station's event says
 * which identity it uploads with, so observation-service can refuse uploads naming it from any other; it carries no
 * point and no last-seen time: no consumer needs them, and the topic must not become a second way to learn them.
 * Outlines of counties and protected areas go to the compacted topic {@code geography} (key = {@code kind:id}),
 * survey visits to the compacted topic {@code surveys} (key = survey id).
 */
@ApplicationScoped
public class OutboxPlotEvents implements PlotEvents {

    private final Outbox outbox;

    public OutboxPlotEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void plotChanged(String type, PlotSnapshot plot) {
        outbox.publish(Topics.PLOTS, plot.code(), type, plot);
    }

    @Override
    public void stationChanged(Station s) {
        outbox.publish(Topics.STATIONS, s.id, EventTypes.STATION_UPSERTED,
                new StationSnapshot(s.id, s.type.name(), s.subject, s.plotCode, s.updatedAt));
    }

    @Override
    public void areaOutlined(AreaSnapshot area) {
        outbox.publish(Topics.GEOGRAPHY, AreaSnapshot.key(area.kind(), area.id()), EventTypes.AREA_OUTLINED, area);
    }

    @Override
    public void surveyRecorded(SurveySnapshot survey) {
        outbox.publish(Topics.SURVEYS, survey.id(), EventTypes.SURVEY_RECORDED, survey);
    }
}
