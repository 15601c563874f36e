package cn.jiaozuo.biodiversity.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinHtml;
import cn.jiaozuo.biodiversity.bulletin.domain.Edition;
import cn.jiaozuo.biodiversity.bulletin.domain.Facts;
import cn.jiaozuo.biodiversity.bulletin.domain.FigureRules;
import cn.jiaozuo.biodiversity.bulletin.domain.Period;
import cn.jiaozuo.biodiversity.bulletin.domain.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figure and highlight rules on hand-counted facts (docs/bulletins.md, "Figures", "Highlights", "Editions"). */
class FigureRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final FigureRules RULES = new FigureRules(SHANGHAI, 3);
    static final Period OCTOBER = Period.monthOf(LocalDate.of(2026, 10, 15));
    static final Scope XIUWU = Scope.of("410821").orElseThrow();
    static final String HASH = "0".repeat(64);

    private static Facts.Observation stork(String day, int individuals) {
        return new Facts.Observation(1, "Ciconia nigra", "黑鹳", "BIRD", "NATIONAL_I", false, true, "410821", at(day), individuals);
    }

    private static Facts.Observation webworm(String day) {
        return new Facts.Observation(2, "Hyphantria cunea", "美国白蛾", "INSECT", "NONE", true, false, "410821", at(day), 40);
    }

    private static Facts.Observation egret(String day) {
        return new Facts.Observation(3, "Egretta garzetta", "白鹭", "BIRD", "PROVINCIAL", false, false, "410821", at(day), 6);
    }

    /** 10:00 in Jiaozuo on that day. */
    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    static final Facts CURRENT = new Facts(
            List.of(stork("2026-10-12", 2), webworm("2026-10-05"), webworm("2026-10-20"), egret("2026-10-01"), egret("2026-10-31")),
            List.of(new Facts.Alert("INVASIVE_SPECIES", "HIGH", "410821"), new Facts.Alert("INVASIVE_SPECIES", "HIGH", "410821"),
                    new Facts.Alert("INVASIVE_SPECIES", "HIGH", "410821"), new Facts.Alert("PROTECTED_SPECIES", "CRITICAL", "410821")),
            List.of(new Facts.Patrol(12.34, 5.0), new Facts.Patrol(7.7, 3.25)),
            List.of(new Facts.Incident("SNARE")),
            List.of(new Facts.FirstRecord(1, "Ciconia nigra", "黑鹳", "NATIONAL_I", true, "410821", at("2026-10-12"))),
            4);
    static final Facts PREVIOUS = new Facts(List.of(egret("2026-09-10"), egret("2026-09-11")),
            List.of(new Facts.Alert("INVASIVE_SPECIES", "HIGH", "410821")), List.of(new Facts.Patrol(10, 4)), List.of(), List.of(), 4);

    @Test
    void headline_figures_are_counted_against_the_previous_period_of_the_same_length() {
        BulletinFigures f = RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS);
        assertEquals(LocalDate.of(2026, 9, 1), f.previousFrom(), "a calendar month is compared with the month before");
        assertEquals(LocalDate.of(2026, 9, 30), f.previousTo());
        assertEquals(new BulletinFigures.Change(5, 2, 3), f.records());
        assertEquals(new BulletinFigures.Change(3, 1, 2), f.speciesRichness());
        assertEquals(new BulletinFigures.Change(1, 0, 1), f.protectedSpecies().get(0).species(), "NATIONAL_I: the stork");
        assertEquals(new BulletinFigures.Change(0, 0, 0), f.protectedSpecies().get(1).species(), "NATIONAL_II: none");
        assertEquals(new BulletinFigures.Change(1, 1, 0), f.protectedSpecies().get(2).species(), "PROVINCIAL: the egret both times");
        assertEquals(new BulletinFigures.Change(1, 0, 1), f.newCountyRecords());
        assertEquals(new BulletinFigures.Change(2, 0, 2), f.invasiveDetections());
        assertEquals(new BulletinFigures.Change(4, 1, 3), f.alerts());
        assertEquals(new BulletinFigures.Amount(20.0, 10.0, 10.0), f.patrolKm(), "12.34 + 7.7 = 20.04, one decimal");
        assertEquals(new BulletinFigures.Amount(8.3, 4.0, 4.3), f.patrolHours());
        assertEquals(new BulletinFigures.Change(1, 0, 1), f.incidents());
        assertEquals(4, f.activePlots());
        BulletinFigures.AlertChange invasiveHigh = f.alertsByType().stream()
                .filter(a -> a.rule().equals("INVASIVE_SPECIES") && a.severity().equals("HIGH")).findFirst().orElseThrow();
        assertEquals(3L, invasiveHigh.current());
        assertEquals(1L, invasiveHigh.previous());
    }

    @Test
    void weeks_start_on_monday_and_every_week_of_the_period_is_listed() {
        BulletinFigures f = RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS);
        // 1 October 2026 is a Thursday: weeks of 28 Sep, 5, 12, 19 and 26 Oct.
        assertEquals(List.of(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 12),
                LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26)), f.recordsPerWeek().stream().map(BulletinFigures.WeekCount::week).toList());
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L), f.recordsPerWeek().stream().map(BulletinFigures.WeekCount::count).toList());
        assertEquals(List.of(0L, 1L, 0L, 1L, 0L), f.invasivePerWeek().stream().map(BulletinFigures.WeekCount::count).toList());
    }

    @Test
    void highlights_are_written_from_the_data() {
        List<String> highlights = RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS).highlights();
        assertEquals("本月首次在修武县记录到黑鹳", highlights.get(0));
        assertTrue(highlights.contains("本月记录到国家一级重点保护野生动植物 1 种：黑鹳"), highlights.toString());
        assertTrue(highlights.contains("美国白蛾本月检出 2 次"), highlights.toString());
        assertFalse(RULES.figures(OCTOBER, XIUWU, Edition.PUBLIC, CURRENT, PREVIOUS).highlights().contains("美国白蛾本月检出 2 次"),
                "in the public edition a count below 3 is not told");
        assertTrue(highlights.contains("本月共获得监测记录 5 条，记录物种 3 种，较上期增加 3 条"), highlights.toString());
        assertTrue(highlights.contains("本月发出特别严重（CRITICAL）预警 1 条"), highlights.toString());
        assertTrue(highlights.contains("本月开展巡护 2 次，巡护里程 20.0 公里、用时 8.3 小时，发现事件 1 起"), highlights.toString());
    }

    /** 修武县 outlined by a square; two egrets in one 0.01° cell, one in another, two storks (sensitive) 1 km apart. */
    static final Facts MAPPED = new Facts(CURRENT.observations(), CURRENT.alerts(), CURRENT.patrols(), CURRENT.incidents(),
            CURRENT.firstRecords(), CURRENT.activePlots(),
            List.of(new Facts.Point(35.3, 113.4, false, "410821"), new Facts.Point(35.3049, 113.4049, false, "410821"),
                    new Facts.Point(35.2, 113.3, false, "410821"),
                    new Facts.Point(35.41, 113.41, true, "410821"), new Facts.Point(35.42, 113.42, true, "410821")),
            List.of(new Facts.Outline("410821", List.of(List.of(new double[] {113.14, 35.13}, new double[] {113.55, 35.13},
                    new double[] {113.55, 35.5}, new double[] {113.5501, 35.5001}, new double[] {113.14, 35.5},
                    new double[] {113.14, 35.13})))), List.of(), List.of(), new Facts.Stations(0, List.of()));

    @Test
    void the_map_generalizes_places_to_cells_and_the_public_edition_sensitive_ones_to_the_county() {
        BulletinFigures.MapFigure internal = RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, MAPPED, PREVIOUS).map();
        assertEquals(113.14, internal.west());
        assertEquals(35.5, internal.north(), "the frame is 修武县's extent");
        assertEquals(List.of(new BulletinFigures.MapCounty("410821", "修武县", true,
                List.of("113.140,35.130 113.550,35.130 113.550,35.500 113.140,35.500 113.140,35.130"))), internal.counties(),
                "3 decimals, the repeated corner dropped");
        assertEquals(List.of(
                new BulletinFigures.MapMark(35.205, 113.305, "CELL_0_01", 1L, false),
                new BulletinFigures.MapMark(35.305, 113.405, "CELL_0_01", 2L, false),
                new BulletinFigures.MapMark(35.45, 113.45, "CELL_0_1", 2L, false)), internal.marks(),
                "35.3 lies in the cell from 35.30 (no floating-point drift); the storks share one 0.1° cell");

        BulletinFigures.MapFigure pub = RULES.figures(OCTOBER, XIUWU, Edition.PUBLIC, MAPPED, PREVIOUS).map();
        assertEquals(List.of(
                new BulletinFigures.MapMark(35.205, 113.305, "CELL_0_01", null, true),
                new BulletinFigures.MapMark(35.305, 113.405, "CELL_0_01", null, true),
                new BulletinFigures.MapMark(35.315, 113.345, "COUNTY", null, true)), pub.marks(),
                "the storks at 修武县's centre only; counts below 3 suppressed");
        String html = BulletinHtml.render(RULES.figures(OCTOBER, XIUWU, Edition.PUBLIC, MAPPED, PREVIOUS), HASH);
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map\""), "the map is inline SVG");
        assertTrue(html.contains("<path data-county=\"410821\" d=\"M"), "the outline is drawn");
        assertFalse(html.contains("mark-coarse"), "no 0.1° cell of a sensitive species in the public edition");
        assertTrue(html.contains("class=\"mark-county\""));
        String unmapped = BulletinHtml.render(RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS), HASH);
        assertTrue(unmapped.contains("<rect data-county=\"410821\"") && unmapped.contains("stroke-dasharray"),
                "without an outline the county's extent is drawn dashed");
    }

    @Test
    void without_data_there_are_no_highlights() {
        Facts none = new Facts(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        BulletinFigures f = RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, none, none);
        assertEquals(List.of(), f.highlights());
        assertTrue(BulletinHtml.render(f, HASH).contains("本期无监测数据"));
    }

    @Test
    void a_period_that_is_not_a_calendar_month_says_this_period() {
        Period tenDays = new Period(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 19));
        BulletinFigures f = RULES.figures(tenDays, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS);
        assertEquals("本期首次在修武县记录到黑鹳", f.highlights().get(0));
        assertEquals(LocalDate.of(2026, 9, 30), f.previousFrom());
        assertEquals(LocalDate.of(2026, 10, 9), f.previousTo());
    }

    @Test
    void the_public_edition_hides_dates_of_sensitive_species_and_suppresses_small_counts() {
        BulletinFigures f = RULES.figures(OCTOBER, XIUWU, Edition.PUBLIC, CURRENT, PREVIOUS);
        BulletinFigures.SpeciesRow stork = row(f, "Ciconia nigra");
        assertNull(stork.firstObservedOn(), "a sensitive species only at county level, no dates");
        assertNull(stork.records(), "1 record is below 3");
        assertTrue(stork.suppressed());
        assertEquals(List.of("修武县"), stork.counties());
        assertNull(f.newCountyRecordList().get(0).firstObservedOn());
        BulletinFigures.SpeciesRow webworm = row(f, "Hyphantria cunea");
        assertNull(webworm.records(), "2 records are below 3 though 80 individuals are not");
        BulletinFigures.SpeciesRow egret = row(f, "Egretta garzetta");
        assertEquals(LocalDate.of(2026, 10, 1), egret.firstObservedOn(), "not sensitive: dated");
        BulletinFigures.AlertChange critical = f.alertsByType().stream().filter(a -> a.severity().equals("CRITICAL")).findFirst().orElseThrow();
        assertNull(critical.current(), "1 alert is below 3");
        assertTrue(critical.suppressed());
        assertFalse(f.highlights().contains("本月发出特别严重（CRITICAL）预警 1 条"), "a suppressed count is not told in a highlight either");
        assertEquals(List.of("公开版：敏感物种仅公布到县级，不公布记录日期", "公开版：少于 3 的数量不予公布"), f.notes());
        BulletinFigures internal = RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS);
        assertEquals(1L, row(internal, "Ciconia nigra").records());
        assertEquals(LocalDate.of(2026, 10, 12), row(internal, "Ciconia nigra").firstObservedOn());
    }

    @Test
    void the_same_facts_give_the_same_page() {
        assertEquals(BulletinHtml.render(RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS), HASH),
                BulletinHtml.render(RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS), HASH));
    }

    @Test
    void the_page_draws_its_charts_as_inline_svg_without_external_resources() {
        String html = BulletinHtml.render(RULES.figures(OCTOBER, XIUWU, Edition.INTERNAL, CURRENT, PREVIOUS), HASH);
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-records\""));
        assertTrue(html.contains("id=\"chart-invasive\""));
        assertEquals(10, html.split("<rect x=").length - 1, "five weeks in each of two charts (the map's rects carry data-county or class first)");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("url("), "nothing loaded from elsewhere");
    }

    private static BulletinFigures.SpeciesRow row(BulletinFigures f, String scientificName) {
        return f.species().stream().filter(s -> s.scientificName().equals(scientificName)).findFirst().orElseThrow();
    }
}
