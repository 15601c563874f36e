package cn.jiaozuo.biodiversity.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.Amount;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.Change;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.ProtectionClassRate;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinHtml;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinPdf;
import cn.jiaozuo.biodiversity.bulletin.domain.Edition;
import cn.jiaozuo.biodiversity.bulletin.domain.Facts;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Survey visits, overdue plots and the protection rate (docs/bulletins.md) from hand-counted facts: October 2026 in
 * 修武县 (last day 10-31) against September (last day 09-30).
 */
class SurveyAndProtectionRulesTest {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    /**
     * Interval 30 days. A: last visit 10-01, 30 days before 10-31 (due, not overdue). B: last visit 09-30, 31 days
     * (overdue). C: never visited, established 09-30 (overdue). D: never visited, established 10-01 (not overdue). E:
     * established after October (not yet a plot). F: no interval on the topic (not judged).
     */
    static final List<Facts.PlotVisit> OCTOBER_PLOTS = List.of(
            new Facts.PlotVisit("A", day("2025-01-01"), 30, day("2026-10-01")),
            new Facts.PlotVisit("B", day("2025-01-01"), 30, day("2026-09-30")),
            new Facts.PlotVisit("C", day("2026-09-30"), 30, null),
            new Facts.PlotVisit("D", day("2026-10-01"), 30, null),
            new Facts.PlotVisit("E", day("2026-11-05"), 30, null),
            new Facts.PlotVisit("F", null, null, null));
    /** At 09-30: A last visited 08-15 (46 days, overdue), B on 09-30, C established on 09-30, D and E not yet. */
    static final List<Facts.PlotVisit> SEPTEMBER_PLOTS = List.of(
            new Facts.PlotVisit("A", day("2025-01-01"), 30, day("2026-08-15")),
            new Facts.PlotVisit("B", day("2025-01-01"), 30, day("2026-09-30")),
            new Facts.PlotVisit("C", day("2026-09-30"), 30, null),
            new Facts.PlotVisit("D", day("2026-10-01"), 30, null),
            new Facts.PlotVisit("E", day("2026-11-05"), 30, null),
            new Facts.PlotVisit("F", null, null, null));

    static final List<Facts.Survey> OCTOBER_VISITS = List.of(new Facts.Survey("A", day("2026-10-01"), new BigDecimal("2.5")),
            new Facts.Survey("X", day("2026-10-10"), new BigDecimal("1.25")), new Facts.Survey("A", day("2026-10-20"), new BigDecimal("0.25")));
    static final List<Facts.Survey> SEPTEMBER_VISITS = List.of(new Facts.Survey("B", day("2026-09-30"), new BigDecimal("1.0")));

    /** Class I: stork recorded, crane not; class II: both recorded. The provincial egret is not counted. */
    static Facts.Catalog catalog() {
        return new Facts.Catalog(7, day("2021-11-01"), day("2026-10-31"), List.of(
                new Facts.ProtectedSpecies(1, "Ciconia nigra", "黑鹳", "NATIONAL_I", true),
                new Facts.ProtectedSpecies(4, "Grus leucogeranus", "白鹤", "NATIONAL_I", false),
                new Facts.ProtectedSpecies(5, "Cygnus cygnus", "大天鹅", "NATIONAL_II", true),
                new Facts.ProtectedSpecies(6, "Bubo bubo", "雕鸮", "NATIONAL_II", true),
                new Facts.ProtectedSpecies(3, "Egretta garzetta", "白鹭", "PROVINCIAL", true)));
    }

    static Facts with(Facts f, List<Facts.Survey> surveys, List<Facts.PlotVisit> plots, Facts.Catalog catalog) {
        return new Facts(f.observations(), f.alerts(), f.patrols(), f.incidents(), f.firstRecords(), f.activePlots(), f.points(),
                f.outlines(), f.controlCases(), f.controlActions(), f.stations(), surveys, plots, catalog);
    }

    static final Facts CURRENT = with(FigureRulesTest.CURRENT, OCTOBER_VISITS, OCTOBER_PLOTS, catalog());
    static final Facts PREVIOUS = with(FigureRulesTest.PREVIOUS, SEPTEMBER_VISITS, SEPTEMBER_PLOTS, catalog());

    static BulletinFigures figures(Edition edition) {
        return FigureRulesTest.RULES.figures(FigureRulesTest.OCTOBER, FigureRulesTest.XIUWU, edition, CURRENT, PREVIOUS);
    }

    @Test
    void visits_effort_and_plots_visited_are_counted_against_the_previous_period() {
        BulletinFigures.SurveyFigures s = figures(Edition.INTERNAL).surveys();
        assertEquals(Change.of(3, 1), s.visits());
        assertEquals(Amount.of(4.0, 1.0), s.effortHours(), "2.5 + 1.25 + 0.25");
        assertEquals(Change.of(2, 1), s.plotsVisited(), "A and X");
    }

    @Test
    void a_plot_is_overdue_the_day_after_its_interval_ran_out_counted_from_its_start_when_never_visited() {
        BulletinFigures.SurveyFigures s = figures(Edition.INTERNAL).surveys();
        assertEquals(List.of("B", "C"), s.overduePlotCodes(), "A (30 days) is due, B (31) overdue; C from its start, D not yet");
        assertEquals(Change.of(2, 1), s.overduePlots(), "September: A only");
        assertEquals(1, s.unjudgedPlots(), "F has no interval");
        assertTrue(figures(Edition.INTERNAL).highlights().contains("本月完成样地调查 3 次；2 个样地逾期未调查"),
                figures(Edition.INTERNAL).highlights().toString());
    }

    @Test
    void the_public_edition_has_the_overdue_count_but_no_plot_codes_and_no_species_names() {
        BulletinFigures f = figures(Edition.PUBLIC);
        assertEquals(2, f.surveys().overduePlots().current());
        assertNull(f.surveys().overduePlotCodes());
        assertNull(f.protection().unrecorded());
        assertEquals(50.0, f.protection().classes().get(0).ratePercent(), "the rate and counts are public");
        assertTrue(f.notes().contains("公开版：逾期未调查样地仅公布数量，不公布编号"), f.notes().toString());
        assertTrue(f.notes().contains("公开版：无记录的国家重点保护物种仅公布数量，不公布名单"), f.notes().toString());
        assertTrue(f.highlights().contains("国家重点保护物种记录率 75%，低于 95% 目标"), f.highlights().toString());
        String html = BulletinHtml.render(f, FigureRulesTest.HASH);
        assertTrue(html.contains("<td>期末逾期未调查样地（个）</td><td>2</td>"), "the count");
        assertFalse(html.contains("逾期未调查样地：B"), "no codes");
        assertFalse(html.contains("白鹤"), "no unrecorded species");
        assertTrue(html.contains("id=\"chart-protection\""), "the chart");
    }

    @Test
    void the_protection_rate_counts_the_national_classes_of_the_catalog_and_names_the_unrecorded_internally() {
        BulletinFigures f = figures(Edition.INTERNAL);
        BulletinFigures.ProtectionFigures p = f.protection();
        assertEquals("MEASURED", p.status());
        assertEquals(7, p.catalogSpecies());
        assertEquals(4, p.protectedSpecies(), "the provincial egret is not counted");
        assertEquals(3, p.recordedSpecies());
        assertEquals(75.0, p.ratePercent());
        assertEquals(List.of(new ProtectionClassRate("NATIONAL_I", "国家一级", 2, 1, 50.0),
                new ProtectionClassRate("NATIONAL_II", "国家二级", 2, 2, 100.0)), p.classes());
        assertEquals(List.of(new BulletinFigures.UnrecordedSpecies("Grus leucogeranus", "白鹤", "NATIONAL_I")), p.unrecorded());
        assertTrue(f.highlights().contains("国家重点保护物种记录率 75%，低于 95% 目标；2021-11-01 以来无记录：白鹤"), f.highlights().toString());
        String html = BulletinHtml.render(f, FigureRulesTest.HASH);
        assertTrue(html.contains("<td>国家一级</td><td>2</td><td>1</td><td>50%</td>"), "the class table");
        assertTrue(html.contains("目标 95%"), "the target line's label");
        assertTrue(html.contains("stroke-dasharray=\"6 4\""), "the target line");
        assertTrue(html.contains("期内无记录的国家重点保护物种：白鹤"), "the unrecorded species");
        assertTrue(html.contains("逾期未调查样地：B、C"), "the overdue codes");
    }

    @Test
    void without_a_catalog_the_rate_is_not_measured_rather_than_zero() {
        Facts none = with(FigureRulesTest.CURRENT, List.of(), List.of(), Facts.Catalog.NONE);
        BulletinFigures f = FigureRulesTest.RULES.figures(FigureRulesTest.OCTOBER, FigureRulesTest.XIUWU, Edition.INTERNAL, none, none);
        assertEquals("NO_CATALOG", f.protection().status());
        assertNull(f.protection().ratePercent());
        assertTrue(f.highlights().stream().noneMatch(h -> h.contains("记录率") || h.contains("样地调查")), f.highlights().toString());
        String html = BulletinHtml.render(f, FigureRulesTest.HASH);
        assertTrue(html.contains("物种名录尚未载入，暂不能计算记录率"));
        assertFalse(html.contains("chart-protection"), "no chart without a rate");

        Facts noProtected = with(FigureRulesTest.CURRENT, List.of(), List.of(), new Facts.Catalog(2, day("2021-11-01"),
                day("2026-10-31"), List.of()));
        BulletinFigures g = FigureRulesTest.RULES.figures(FigureRulesTest.OCTOBER, FigureRulesTest.XIUWU, Edition.INTERNAL,
                noProtected, noProtected);
        assertEquals("NO_PROTECTED_SPECIES", g.protection().status());
        assertNull(g.protection().ratePercent());
    }

    @Test
    void at_or_above_the_target_no_sentence_is_written() {
        Facts all = with(FigureRulesTest.CURRENT, List.of(), List.of(), new Facts.Catalog(1, day("2021-11-01"), day("2026-10-31"),
                List.of(new Facts.ProtectedSpecies(1, "Ciconia nigra", "黑鹳", "NATIONAL_I", true))));
        BulletinFigures f = FigureRulesTest.RULES.figures(FigureRulesTest.OCTOBER, FigureRulesTest.XIUWU, Edition.INTERNAL, all, all);
        assertEquals(100.0, f.protection().ratePercent());
        assertTrue(f.highlights().stream().noneMatch(h -> h.contains("记录率")), f.highlights().toString());
    }

    @Test
    void the_same_facts_give_the_same_page() {
        assertEquals(BulletinHtml.render(figures(Edition.INTERNAL), FigureRulesTest.HASH),
                BulletinHtml.render(figures(Edition.INTERNAL), FigureRulesTest.HASH));
    }

    @Test
    void the_pdf_has_the_survey_and_protection_headings_and_draws_the_rate_bars() throws IOException {
        byte[] pdf = new BulletinPdf(BulletinPdfTest.FONT, "WenQuanYi Zen Hei").render(
                BulletinHtml.render(figures(Edition.INTERNAL), FigureRulesTest.HASH), "第 1 版 · 生成于 2026-11-01 08:10（Asia/Shanghai）",
                Instant.parse("2026-11-01T00:10:00Z"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
            for (String expected : List.of("样地调查", "期末逾期未调查样地（个）", "国家重点保护物种记录率", "目标 95%",
                    "本月完成样地调查 3 次；2 个样地逾期未调查")) {
                assertTrue(text.contains(expected), "PDF text has " + expected + ":\n" + text);
            }
            assertTrue(BulletinPdfTest.anyPage(doc, 0x2f6f9f), "the protection-rate bars (#2f6f9f) are drawn");
            for (int i = 0; i < doc.getNumberOfPages(); i++) { // the page with the chart, for docs/bulletins.md
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                if (stripper.getText(doc).contains("有记录的比例；虚线为目标")) {
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
                    javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(i, 110), "png",
                            java.nio.file.Path.of("target", "bulletin-protection-page.png").toFile());
                }
            }
        }
    }
}
