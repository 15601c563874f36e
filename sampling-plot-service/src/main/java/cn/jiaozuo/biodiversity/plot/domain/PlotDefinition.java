package cn.jiaozuo.biodiversity.plot.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/** What an admin says about a plot; the server adds its code, area and status. */
public record PlotDefinition(
        String name,
        String countyCode,
        Ecosystem ecosystem,
        JsonNode geometry,
        List<SurveyMethod> methods,
        String protectedAreaId,
        LocalDate establishedOn,
        Integer surveyIntervalDays) {
}
