package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import cn.jiaozuo.biodiversity.plot.repository.SurveyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Field visits to plots: recorded on active plots only, on a day between the plot's establishment and today. Each
 * recorded visit is published ({@code SurveyRecorded}) in the transaction that records it.
 */
@ApplicationScoped
public class SurveyService {

    /** What a ranger reports of a visit. */
    public record Visit(LocalDate visitedOn, String team, SurveyMethod method, BigDecimal effortHours, String notes) {
    }

    private final PlotService plots;
    private final SurveyRepository surveys;
    private final PlotConfig config;
    private final CountyRepository counties;
    private final PlotEvents events;

    public SurveyService(PlotService plots, SurveyRepository surveys, PlotConfig config, CountyRepository counties,
            PlotEvents events) {
        this.plots = plots;
        this.surveys = surveys;
        this.config = config;
        this.counties = counties;
        this.events = events;
    }

    @Transactional
    public Survey record(String plotCode, Visit visit, String recordedBy) {
        Plot plot = plots.find(plotCode);
        if (!plot.isActive()) {
            throw ProblemException.conflict("Plot " + plotCode + " is retired; surveys are recorded on active plots only");
        }
        // "Today" is the bureaus' calendar day.
        LocalDate today = LocalDate.now(config.zone());
        if (visit.visitedOn().isAfter(today)) {
            throw ProblemException.badRequest("visitedOn", "must not be in the future (today is " + today + " in " + config.zone() + ")");
        }
        if (plot.establishedOn != null && visit.visitedOn().isBefore(plot.establishedOn)) {
            throw ProblemException.badRequest("visitedOn", "must not be before the plot was established on " + plot.establishedOn);
        }
        Survey s = new Survey();
        s.id = UUID.randomUUID();
        s.plotCode = plot.code;
        s.visitedOn = visit.visitedOn();
        s.team = visit.team().strip();
        s.method = visit.method();
        s.effortHours = visit.effortHours().setScale(2, RoundingMode.HALF_UP);
        s.notes = visit.notes();
        s.recordedBy = recordedBy;
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        s.published = true; // its event is written below, in this transaction
        surveys.persist(s);
        County county = counties.findById(plot.countyCode);
        events.surveyRecorded(s.snapshot(plot.countyCode, county == null ? null : county.priorityArea));
        return s;
    }

    /** Newest first; also for retired plots. */
    @Transactional
    public List<Survey> list(String plotCode) {
        plots.find(plotCode);
        return surveys.forPlot(plotCode);
    }
}
