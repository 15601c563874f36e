package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.geo.Geoprivacy;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.observation.config.ExportConfig;
import cn.jiaozuo.biodiversity.observation.domain.Disclosure;
import cn.jiaozuo.biodiversity.observation.domain.ObservationPeriod;
import cn.jiaozuo.biodiversity.observation.domain.ObservationReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a Darwin Core Archive (DwC text guidelines): {@code meta.xml} (core rowType Occurrence),
 * {@code eml.xml} and {@code occurrence.txt} (UTF-8, tab-separated, one header line), zipped
 * straight into the response. Rows come from a database cursor, so memory does not grow with the
 * archive. The archive is for publication: every record is written as the public sees it ({@link Disclosure}), so
 * sensitive species are always generalized, whoever asks, and carry nothing that ties them to other records.
 */
@ApplicationScoped
public class DarwinCoreArchiveWriter {

    static final String DWC = "http://rs.tdwg.org/dwc/terms/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    /** occurrence.txt columns, in order: term name and namespace. */
    static final List<String[]> COLUMNS = List.of(
            t(DWC, "occurrenceID"), t(DWC, "basisOfRecord"), t(DWC, "eventDate"), t(DWC, "scientificName"),
            t(DWC, "vernacularName"), t(DWC, "kingdom"), t(DWC, "taxonRank"), t(DWC, "decimalLatitude"),
            t(DWC, "decimalLongitude"), t(DWC, "geodeticDatum"), t(DWC, "coordinateUncertaintyInMeters"),
            t(DWC, "individualCount"), t(DWC, "occurrenceStatus"), t(DWC, "countryCode"), t(DWC, "stateProvince"),
            t(DWC, "county"), t(DWC, "locationID"), t(DWC, "samplingProtocol"), t(DWC, "recordedBy"),
            t(DWC, "identificationVerificationStatus"), t(DWC, "dataGeneralizations"), t(DWC, "informationWithheld"),
            t(DWC, "eventID"), t(DCTERMS, "license"));
    static final String GENERALIZED = "Coordinates generalized to the centre of their 0.1° grid cell and eventDate to the day"
            + " (China Standard Time): sensitive species";
    static final String WITHHELD = "Exact coordinates, time of day, sampling plot (locationID), station (eventID), sampling"
            + " protocol and basis of record, recorder (recordedBy) and the original record id withheld to protect a sensitive"
            + " species; available to researchers from the publisher on request";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ObservationReader reader;
    private final ExportConfig config;

    public DarwinCoreArchiveWriter(ObservationReader reader, ExportConfig config) {
        this.reader = reader;
        this.config = config;
    }

    private static String[] t(String namespace, String name) {
        return new String[] {namespace, name};
    }

    /** Writes the whole archive for {@code query}; returns the number of occurrences. */
    public long write(ObservationQuery query, OutputStream out) throws IOException {
        // Published: every record as the public sees it, generalized ones only once released.
        ObservationReader.Selection selection = reader.select(query.filter(), Caller.ANONYMOUS);
        ObservationPeriod period = selection.period();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("meta.xml"));
        zip.write(metaXml().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("eml.xml"));
        zip.write(emlXml(query, period).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("occurrence.txt"));
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 64 * 1024);
        text.write(String.join("\t", COLUMNS.stream().map(c -> c[1]).toList()));
        text.write('\n');
        Mac hmac = pseudonymizer();
        long count = selection.stream(null, null, (shown, listed) -> {
            text.write(line(shown, hmac));
            text.write('\n');
        });
        text.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return count;
    }

    /** {@code s} as the public sees it (Disclosure), so sensitive ones are generalized whoever exports. */
    private String line(Disclosure.Shown s, Mac hmac) {
        SpeciesSnapshot species = s.species();
        String[] values = {
            "urn:uuid:" + s.uuid(),
            // A generalized record's source is withheld; Occurrence is the generic basis of record GBIF accepts.
            s.source() == null ? "Occurrence" : "STATION".equals(s.source()) ? "MachineObservation" : "HumanObservation",
            s.observedAt() == null ? s.observedOn().toString() : s.observedAt().toString(),
            species.scientificName(),
            species.chineseName(),
            kingdom(species.group()),
            taxonRank(species.scientificName()),
            number(s.lat()),
            number(s.lon()),
            "EPSG:4326",
            s.accuracyM() == null ? "" : number(s.accuracyM()),
            Integer.toString(s.count()),
            "present",
            "CN",
            "河南省",
            JiaozuoCounty.byCode(s.countyCode()).map(JiaozuoCounty::chineseName).orElse(s.countyCode()),
            nullToEmpty(s.plotCode()),
            s.method() == null ? "" : samplingProtocol(s.method()),
            s.observer() == null ? "" : pseudonym(hmac, s.observer()),
            s.status().toLowerCase(Locale.ROOT),
            s.generalized() ? GENERALIZED : "",
            s.generalized() ? WITHHELD : "",
            nullToEmpty(s.stationId()),
            config.dataset().licenceUrl()};
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            line.append(clean(values[i]));
        }
        return line.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The archive has no quote character: tabs and line breaks inside a value would split it. */
    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** A number as text; empty for NaN or Infinity, so one bad stored row cannot break a whole export. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String kingdom(String group) {
        return switch (group) {
            case "PLANT" -> "Plantae";
            case "OTHER" -> "";
            default -> "Animalia";
        };
    }

    static String taxonRank(String scientificName) {
        if (scientificName.contains(" var. ")) {
            return "variety";
        }
        if (scientificName.contains(" subsp. ")) {
            return "subspecies";
        }
        int words = scientificName.trim().split("\\s+").length;
        return words >= 3 ? "subspecies" : words == 2 ? "species" : "genus";
    }

    static String samplingProtocol(String method) {
        return switch (method) {
            case "SIGHTING" -> "visual encounter survey";
            case "CAMERA_TRAP" -> "camera trap";
            case "ACOUSTIC" -> "acoustic recorder";
            case "TRACK" -> "track survey";
            case "SIGN" -> "sign survey";
            case "SPECIMEN" -> "specimen collection";
            default -> "other";
        };
    }

    private Mac pseudonymizer() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.pseudonymSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stable per person (so a publisher can count observers) but not the token subject itself. */
    static String pseudonym(Mac hmac, String observer) {
        byte[] digest = hmac.doFinal(observer.getBytes(StandardCharsets.UTF_8));
        return "observer-" + HexFormat.of().formatHex(digest, 0, 8);
    }

    static String metaXml() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="eml.xml">
                  <core encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy=""
                        ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Occurrence">
                    <files>
                      <location>occurrence.txt</location>
                    </files>
                    <id index="0"/>
                """);
        for (int i = 0; i < COLUMNS.size(); i++) {
            xml.append("    <field index=\"").append(i).append("\" term=\"").append(COLUMNS.get(i)[0])
                    .append(COLUMNS.get(i)[1]).append("\"/>\n");
        }
        xml.append("  </core>\n</archive>\n");
        return xml.toString();
    }

    String emlXml(ObservationQuery query, ObservationPeriod period) {
        ExportConfig.Dataset d = config.dataset();
        Instant begin = period.first(); // the filter already bounds both
        Instant end = period.last();
        String scope = query.filter().countyCode() == null ? "焦作市 (Jiaozuo City), Henan, China"
                : JiaozuoCounty.byCode(query.filter().countyCode()).map(c -> c.chineseName() + " (" + c.englishName() + "), 焦作市, Henan, China")
                        .orElse(query.filter().countyCode());
        JiaozuoCounty.Extent box = coverage(query.filter().countyCode());
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<eml:eml xmlns:eml=\"https://eml.ecoinformatics.org/eml-2.2.0\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"https://eml.ecoinformatics.org/eml-2.2.0 https://rs.gbif.org/schema/eml-gbif-profile/1.3/eml.xsd\"")
                .append(" packageId=\"jiaozuo-biodiversity-occurrences\" system=\"http://gbif.org\" scope=\"system\" xml:lang=\"zh\">\n")
                .append("<dataset>\n")
                .append("  <title xml:lang=\"zh\">").append(esc(d.title())).append("</title>\n")
                .append("  <creator>").append(party(d.publisher(), d.contactEmail())).append("</creator>\n")
                .append("  <metadataProvider>").append(party(d.publisher(), d.contactEmail())).append("</metadataProvider>\n")
                .append("  <pubDate>").append(LocalDate.now(CHINA)).append("</pubDate>\n")
                .append("  <language>zho</language>\n")
                .append("  <abstract><para>").append(esc("Species occurrences recorded by rangers and monitoring stations"
                        + " of the Jiaozuo biodiversity monitoring network (焦作市生物多样性保护规划 2025–2030) in "
                        + scope + ". Rejected records are excluded; points of sensitive species are generalized to"
                        + " their 0.1° grid cell.")).append("</para></abstract>\n")
                .append("  <intellectualRights><para>This work is licensed under a <ulink url=\"")
                .append(esc(d.licenceUrl())).append("\"><citetitle>").append(esc(d.licenceName()))
                .append("</citetitle></ulink>.</para></intellectualRights>\n")
                .append("  <coverage>\n")
                .append("    <geographicCoverage>\n")
                .append("      <geographicDescription>").append(esc(scope)).append("</geographicDescription>\n")
                .append("      <boundingCoordinates>\n")
                .append("        <westBoundingCoordinate>").append(number(box.west())).append("</westBoundingCoordinate>\n")
                .append("        <eastBoundingCoordinate>").append(number(box.east())).append("</eastBoundingCoordinate>\n")
                .append("        <northBoundingCoordinate>").append(number(box.north())).append("</northBoundingCoordinate>\n")
                .append("        <southBoundingCoordinate>").append(number(box.south())).append("</southBoundingCoordinate>\n")
                .append("      </boundingCoordinates>\n")
                .append("    </geographicCoverage>\n");
        if (begin != null && end != null) {
            xml.append("    <temporalCoverage><rangeOfDates>\n")
                    .append("      <beginDate><calendarDate>").append(LocalDate.ofInstant(begin, CHINA)).append("</calendarDate></beginDate>\n")
                    .append("      <endDate><calendarDate>").append(LocalDate.ofInstant(end, CHINA)).append("</calendarDate></endDate>\n")
                    .append("    </rangeOfDates></temporalCoverage>\n");
        }
        xml.append("  </coverage>\n")
                .append("  <contact>").append(party(d.contactName(), d.contactEmail())).append("</contact>\n")
                .append("  <publisher>").append(party(d.publisher(), d.contactEmail())).append("</publisher>\n")
                .append("</dataset>\n")
                .append("</eml:eml>\n");
        return xml.toString();
    }

    /**
     * The geographic coverage eml.xml declares: Jiaozuo's box, or with a county filter that county's extent widened
     * to whole {@link Geoprivacy#CELL_DEGREES} cells, because a sensitive record is published at the centre of its
     * cell, which may lie just outside the county. Fixed per county, so it says nothing about where records are.
     */
    public static JiaozuoCounty.Extent coverage(String countyCode) {
        return JiaozuoCounty.byCode(countyCode).map(c -> c.extent())
                .map(e -> new JiaozuoCounty.Extent(cellFloor(e.south()), cellCeiling(e.north()), cellFloor(e.west()),
                        cellCeiling(e.east())))
                .orElse(new JiaozuoCounty.Extent(JiaozuoArea.MIN_LAT, JiaozuoArea.MAX_LAT, JiaozuoArea.MIN_LON,
                        JiaozuoArea.MAX_LON));
    }

    /** The lower edge of the cell holding {@code degrees}. */
    private static double cellFloor(double degrees) {
        return round(Math.floor(degrees / Geoprivacy.CELL_DEGREES + 1e-9) * Geoprivacy.CELL_DEGREES);
    }

    /** The upper edge of the cell holding {@code degrees} (a point on a cell's lower edge belongs to that cell). */
    private static double cellCeiling(double degrees) {
        return round((Math.floor(degrees / Geoprivacy.CELL_DEGREES + 1e-9) + 1) * Geoprivacy.CELL_DEGREES);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static String party(String organisation, String email) {
        return "<organizationName>" + esc(organisation) + "</organizationName><electronicMailAddress>" + esc(email)
                + "</electronicMailAddress>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
