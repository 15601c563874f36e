package cn.jiaozuo.biodiversity.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinHtml;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinPdf;
import cn.jiaozuo.biodiversity.bulletin.domain.Edition;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF (docs/bulletins.md, "PDF"): rendered from the page of the hand-counted October figures of
 * {@link FigureRulesTest}, read back with PDFBox — its text (Chinese headings and species names), its embedded font,
 * its charts (their bar colours on the rendered page). Needs the CJK font (fonts-wqy-zenhei; the test command installs
 * it). Page 1 is also written to target/bulletin-page1.png, the image docs/bulletins.md shows.
 */
class BulletinPdfTest {

    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final Instant GENERATED = Instant.parse("2026-11-01T00:10:00Z");

    private static byte[] pdf(Edition edition) {
        BulletinFigures f = FigureRulesTest.RULES.figures(FigureRulesTest.OCTOBER, FigureRulesTest.XIUWU, edition,
                FigureRulesTest.MAPPED, FigureRulesTest.PREVIOUS);
        return new BulletinPdf(FONT, "WenQuanYi Zen Hei").render(BulletinHtml.render(f, FigureRulesTest.HASH),
                "第 1 版 · 生成于 2026-11-01 08:10（Asia/Shanghai）", GENERATED);
    }

    @Test
    void the_pdf_carries_the_chinese_headings_species_names_and_version_in_an_embedded_font() throws IOException {
        byte[] bytes = pdf(Edition.INTERNAL);
        assertTrue(new String(bytes, 0, 5).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", ""); // table cells wrap
            for (String expected : List.of("焦作市生物多样性监测简报 · 修武县 · 2026年10月", "一、要点", "二、主要指标", "三、图表",
                    "五、物种名录", "监测记录分布（位置已概化）", "黑鹳", "美国白蛾", "白鹭", "Ciconia nigra", "本月首次在修武县记录到黑鹳", "第 1 版",
                    "内容校验码（SHA-256）：" + FigureRulesTest.HASH)) {
                assertTrue(text.contains(expected), "PDF text has " + expected + ":\n" + text);
            }
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT embedded"));
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("WenQuanYi") && f.endsWith(" embedded")), fonts.toString());
            assertTrue(fonts.stream().noneMatch(f -> f.endsWith("NOT embedded")), "every font embedded: " + fonts);

            BufferedImage page1 = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "bulletin-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page1, "png", png.toFile());
            for (int i = 0; i < doc.getNumberOfPages(); i++) { // the page with the map, for the docs too
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                if (stripper.getText(doc).contains("监测记录分布")) {
                    ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(i, 110), "png", Path.of("target", "bulletin-map-page.png").toFile());
                }
            }
            // The two SVG bar charts: their fill colours appear on the pages (nothing else is drawn in them).
            assertTrue(anyPage(doc, 0x3b7d3b), "the records-per-week bars (#3b7d3b) are drawn");
            assertTrue(anyPage(doc, 0xb5562d), "the invasive-per-week bars (#b5562d) are drawn");
        }
    }

    @Test
    void the_public_edition_pdf_says_so_and_shows_no_date_of_the_sensitive_stork() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(Edition.PUBLIC))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("（公开版）"), text);
            assertTrue(text.contains("黑鹳"), text);
            assertTrue(!text.contains("2026-10-12"), "the stork's day is not in the public PDF:\n" + text);
        }
    }

    /**
     * Only the HTML is byte-reproducible: two renders of one page differ inside the embedded font subset (PDFBox), so
     * the PDF is stored when its version is generated and served as stored.
     */
    @Test
    void the_same_page_renders_to_a_pdf_with_the_same_text() throws IOException {
        try (PDDocument a = Loader.loadPDF(pdf(Edition.INTERNAL)); PDDocument b = Loader.loadPDF(pdf(Edition.INTERNAL))) {
            assertEquals(new PDFTextStripper().getText(a), new PDFTextStripper().getText(b));
            assertEquals(a.getNumberOfPages(), b.getNumberOfPages());
        }
    }

    @Test
    void without_the_font_no_pdf_is_made() {
        BulletinPdf missing = new BulletinPdf(Path.of("/nonexistent/font.ttc"), "WenQuanYi Zen Hei");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> missing.render("<html><body><p>焦作</p></body></html>", null, GENERATED));
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), e.getMessage());
    }

    static boolean anyPage(PDDocument doc, int rgb) throws IOException {
        PDFRenderer renderer = new PDFRenderer(doc);
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            BufferedImage image = renderer.renderImageWithDPI(i, 72);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
