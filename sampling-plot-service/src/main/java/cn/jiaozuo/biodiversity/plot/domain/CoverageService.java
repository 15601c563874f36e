package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.plot.config.PlotConfig;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import cn.jiaozuo.biodiversity.plot.repository.SurveyRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's rule (行动18): each county of a priority area sets 1–2 observation plots there and surveys
 * them regularly. A plot is overdue when its last visit — or, before the first, its establishment (or
 * creation) day — lies more than {@code surveyIntervalDays} before today.
 */
@ApplicationScoped
public class CoverageService {

    public static final int MIN_PLOTS = 1;
    public static final int MAX_PLOTS = 2;

    /** One county's figures. */
    public record CountyCoverage(County county, int activePlots, boolean meetsPlotRequirement, LocalDate lastSurveyOn,
            List<String> overduePlotCodes) {
    }

    private final CountyRepository counties;
    private final PlotRepository plots;
    private final SurveyRepository surveys;
    private final PlotConfig config;

    public CoverageService(CountyRepository counties, PlotRepository plots, SurveyRepository surveys, PlotConfig config) {
        this.counties = counties;
        this.plots = plots;
        this.surveys = surveys;
        this.config = config;
    }

    public static boolean meetsRequirement(PriorityArea area, int activePlots) {
        return area == null || (activePlots >= MIN_PLOTS && activePlots <= MAX_PLOTS);
    }

    @Transactional
    public List<CountyCoverage> coverage() {
        ZoneId zone = config.zone();
        LocalDate today = LocalDate.now(zone);
        Map<String, LocalDate> lastVisit = surveys.lastVisitByActivePlot();
        Map<String, List<Plot>> byCounty = new HashMap<>();
        for (Plot p : plots.active()) {
            byCounty.computeIfAbsent(p.countyCode, k -> new ArrayList<>()).add(p);
        }
        List<CountyCoverage> result = new ArrayList<>();
        for (County c : counties.listAll(Sort.by("code"))) {
            List<Plot> active = byCounty.getOrDefault(c.code, List.of());
            LocalDate lastSurvey = null;
            List<String> overdue = new ArrayList<>();
            for (Plot p : active) {
                LocalDate visited = lastVisit.get(p.code);
                if (visited != null && (lastSurvey == null || visited.isAfter(lastSurvey))) {
                    lastSurvey = visited;
                }
                LocalDate since = visited != null ? visited
                        : p.establishedOn != null ? p.establishedOn : LocalDate.ofInstant(p.createdAt, zone);
                if (since.plusDays(p.surveyIntervalDays).isBefore(today)) {
                    overdue.add(p.code);
                }
            }
            overdue.sort(String::compareTo);
            result.add(new CountyCoverage(c, active.size(), meetsRequirement(c.priorityArea, active.size()), lastSurvey, overdue));
        }
        return result;
    }
}
