package cn.jiaozuo.biodiversity.bulletin.domain;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Renders a bulletin's archived HTML to PDF with openhtmltopdf (PDFBox 3): the inline SVG charts and map through its
 * Batik module, the Chinese text in a CJK font embedded as a subset, so the PDF shows the same on any machine. The
 * font is a file named by configuration ({@code bulletins.pdf.font}, Debian's fonts-wqy-zenhei by default: GPL with
 * the font embedding exception); without it no PDF could show Chinese, so rendering refuses rather than emit boxes.
 */
public final class BulletinPdf {

    private final Path font;
    private final String family;

    public BulletinPdf(Path font, String family) {
        this.font = font;
        this.family = family;
    }

    /** The font file is there and readable (checked before each render: it is the one thing outside the jar). */
    public boolean fontAvailable() {
        return Files.isReadable(font);
    }

    /**
     * The PDF of this page. {@code html} must be well-formed XML (BulletinHtml writes XHTML-compatible markup);
     * {@code stamp} is a line added at the end of the document (version and generation time, which the HTML, a pure
     * function of the figures, does not carry). The document's dates are {@code generated}, not the render time.
     */
    public byte[] render(String html, String stamp, java.time.Instant generated) {
        if (!fontAvailable()) {
            throw new IllegalStateException("CJK font " + font + " is missing (Debian package fonts-wqy-zenhei, or set"
                    + " bulletins.pdf.font): a PDF without it would show no Chinese");
        }
        String page = stamp == null ? html
                : html.replace("</body>", "<p class=\"stamp\">" + BulletinHtml.esc(stamp) + "</p>\n</body>");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withHtmlContent(page, null);
        builder.withProducer("bulletin-service (openhtmltopdf)");
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            // A TrueType collection (.ttc) is registered through the resolver: the builder's useFont takes single fonts.
            if (font.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                renderer.getFontResolver().addFontCollection(font.toFile(), family, 400, IdentValue.NORMAL, true);
            } else {
                renderer.getFontResolver().addFont(font.toFile(), family, 400, IdentValue.NORMAL, true);
            }
            Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            at.setTimeInMillis(generated.toEpochMilli());
            renderer.getPdfDocument().getDocumentInformation().setCreationDate(at);
            renderer.getPdfDocument().getDocumentInformation().setModificationDate(at);
            // The file identifier from the page, not from the clock (PDFBox's default), so the same page and time give
            // the same bytes.
            byte[] id = java.security.MessageDigest.getInstance("MD5").digest(page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            renderer.getPdfDocument().getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            renderer.layout();
            renderer.createPDF();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
