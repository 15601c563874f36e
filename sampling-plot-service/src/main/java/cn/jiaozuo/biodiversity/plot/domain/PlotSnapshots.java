package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.events.PlotSnapshot;
import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import cn.jiaozuo.biodiversity.plot.repository.CountyRepository;
import cn.jiaozuo.biodiversity.plot.repository.PlotRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Turns plot entities into {@link PlotSnapshot}s, the shape of the API, the events and the spatial index. */
@ApplicationScoped
public class PlotSnapshots {

    private static final Logger LOG = Logger.getLogger(PlotSnapshots.class);

    private final PlotRepository plots;
    private final CountyRepository counties;
    private final ObjectMapper json;

    public PlotSnapshots(PlotRepository plots, CountyRepository counties, ObjectMapper json) {
        this.plots = plots;
        this.counties = counties;
        this.json = json;
    }

    public PlotSnapshot of(Plot p) {
        return of(p, priorityAreas().get(p.countyCode));
    }

    public PlotSnapshot of(Plot p, PriorityArea priorityArea) {
        return new PlotSnapshot(p.code, p.name, p.countyCode, priorityArea == null ? null : priorityArea.name(),
                p.ecosystem.name(), p.methods.stream().map(Enum::name).toList(), p.status.name(), geoJson(p.geometry),
                p.areaHa, p.protectedAreaId, p.establishedOn, p.surveyIntervalDays, p.updatedAt);
    }

    public List<PlotSnapshot> of(List<Plot> list) {
        Map<String, PriorityArea> areas = priorityAreas();
        return list.stream().map(p -> of(p, areas.get(p.countyCode))).toList();
    }

    /** Every active plot with its geometry, for the spatial index. */
    @Transactional
    public List<PlotIndex.Entry> activePlots() {
        Map<String, PriorityArea> areas = priorityAreas();
        List<PlotIndex.Entry> entries = new ArrayList<>();
        for (Plot p : plots.active()) {
            try {
                entries.add(PlotIndex.entry(of(p, areas.get(p.countyCode)), PlotGeometry.parse(geoJson(p.geometry)).geometry()));
            } catch (RuntimeException e) {
                // Stored geometries were validated on write; one that no longer passes must not stop the others.
                LOG.errorf("Plot %s is left out of the spatial index: %s", p.code, e.getMessage());
            }
        }
        return entries;
    }

    public String toText(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode geoJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored geometry is not JSON", e);
        }
    }

    public PlotSnapshot fromText(String snapshot) {
        try {
            return json.readValue(snapshot, PlotSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored plot revision is not a PlotSnapshot", e);
        }
    }

    private Map<String, PriorityArea> priorityAreas() {
        // Ten rows; counties without a priority area are simply absent from the map.
        return counties.listAll().stream().filter(c -> c.priorityArea != null)
                .collect(Collectors.toMap(c -> c.code, c -> c.priorityArea, (a, b) -> a));
    }

}
