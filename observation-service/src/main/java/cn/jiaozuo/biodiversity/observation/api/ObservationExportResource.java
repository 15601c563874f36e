package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.config.ExportConfig;
import cn.jiaozuo.biodiversity.observation.domain.Disclosure;
import cn.jiaozuo.biodiversity.observation.domain.ListPosition;
import cn.jiaozuo.biodiversity.observation.domain.ObservationReader;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Observations in open formats: GeoJSON for maps, CSV for spreadsheets, a Darwin Core Archive for
 * GBIF and the national platforms. All stream from a database cursor and never include rejected
 * records; every row goes through {@code Disclosure}, as for {@code GET /observations}.
 */
@Path("/")
@Tag(name = "Exports", description = "Observations as GeoJSON, CSV and Darwin Core Archive")
public class ObservationExportResource {

    static final String GEOJSON = "application/geo+json";
    static final String CSV = "text/csv";
    static final String EXAMPLE_GEOJSON = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "9c3e71d2-84f0-1b6a-f25e-07d4a1c9e3b8",
               "geometry": {"type": "Point", "coordinates": [113.35, 35.35]},
               "properties": {"uuid": "9c3e71d2-84f0-1b6a-f25e-07d4a1c9e3b8", "speciesId": 1,
                 "scientificName": "Panthera pardus japonensis", "chineseName": "华北豹",
                 "observedAt": null, "observedOn": "2025-05-14", "countyCode": "410821", "plotCode": null,
                 "stationId": null, "individualCount": 1, "reviewStatus": "VERIFIED", "invasive": false,
                 "sensitive": true, "generalized": true, "accuracyM": 7183, "method": null}}],
             "nextCursor": null}""";
    static final String EXAMPLE_CSV = """
            uuid,speciesId,scientificName,chineseName,observedAt,observedOn,lat,lon,accuracyM,generalized,countyCode,plotCode,stationId,method,individualCount,reviewStatus,invasive,sensitive
            0b7c6f43-5d2e-4a57-9a51-3f0d2f1a8e21,3,Macaca mulatta,猕猴,2025-05-14T06:12:00+08:00,2025-05-14,35.3321,113.3604,12,false,410821,410821-01,,SIGHTING,4,VERIFIED,false,false
            9c3e71d2-84f0-1b6a-f25e-07d4a1c9e3b8,1,Panthera pardus japonensis,华北豹,,2025-05-14,35.35,113.35,7183,true,410821,,,,1,VERIFIED,false,true
            """;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String CSV_HEADER = "uuid,speciesId,scientificName,chineseName,observedAt,observedOn,lat,lon,accuracyM,generalized,"
            + "countyCode,plotCode,stationId,method,individualCount,reviewStatus,invasive,sensitive\r\n";

    private final ObservationReader reader;
    private final DarwinCoreArchiveWriter dwca;
    private final ExportConfig config;
    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final ExportSlots slots;

    public ObservationExportResource(ObservationReader reader, DarwinCoreArchiveWriter dwca, ExportConfig config,
            ObjectMapper json, SecurityIdentity identity, ExportSlots slots) {
        this.slots = slots;
        this.reader = reader;
        this.dwca = dwca;
        this.config = config;
        this.json = json;
        this.identity = identity;
    }

    @GET
    @Path("observations.geojson")
    @PermitAll
    @Produces({GEOJSON, "application/json"})
    @Operation(operationId = "exportObservationsGeoJson", summary = "Observations as an RFC 7946 GeoJSON FeatureCollection, newest first",
            description = "Callers: anyone, also without a token. The filters of GET /observations; rejected records are"
                    + " never included. Records of sensitive species are generalized as in GET /observations unless the"
                    + " caller is the observer, a reviewer or an admin (properties.generalized says which): the 0.1° cell"
                    + " centre, the public id as id and uuid, observedOn but no observedAt, and no plotCode, stationId or"
                    + " method, and only from their release; a plotCode, observer or method filter leaves them out, from/to"
                    + " compare their day. Streamed;"
                    + " limit up to 10000 per request, nextCursor (a foreign member) fetches the next features.")
    @APIResponse(responseCode = "200", description = "A FeatureCollection of Points [lon, lat] (WGS-84)",
            content = @Content(mediaType = GEOJSON, examples = @ExampleObject(name = "leopard", value = EXAMPLE_GEOJSON)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    @APIResponse(responseCode = "503", description = "Too many exports streaming at once; retry after Retry-After seconds")
    public Response geojson(
            @BeanParam ObservationFilterParams filters,
            @Parameter(description = "UNVERIFIED or VERIFIED (rejected records are never exported)", example = "VERIFIED") @QueryParam("status") String status,
            @Parameter(description = "SIGHTING, CAMERA_TRAP, ACOUSTIC, TRACK, SIGN, SPECIMEN or OTHER; leaves out the records this caller gets generalized", example = "CAMERA_TRAP") @QueryParam("method") String method,
            @Parameter(description = "Features per response, 1–10000 (default 1000)", example = "1000") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous response") @QueryParam("cursor") String cursor) {
        ObservationQuery query = ObservationQuery.parse(filters.with(status, method, limit, cursor),
                config.defaultFeatureLimit(), config.maxFeatureLimit());
        ObservationReader.Selection selection = reader.select(query.filter(), Caller.of(identity));
        int pageSize = query.limit();
        StreamingOutput body = out -> {
            try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("type", "FeatureCollection");
                g.writeArrayFieldStart("features");
                ListPosition[] last = new ListPosition[1];
                boolean[] more = new boolean[1];
                int[] written = new int[1];
                // One row more than the page tells whether there is a next page.
                selection.stream(query.after(), pageSize + 1, (shown, listed) -> {
                    if (written[0] == pageSize) {
                        more[0] = true;
                        return;
                    }
                    feature(g, shown);
                    last[0] = listed;
                    written[0]++;
                });
                g.writeEndArray();
                g.writeStringField("nextCursor", more[0] ? ObservationCursor.encode(last[0]) : null);
                g.writeEndObject();
            }
        };
        return slots.claim(body).map(claimed -> Response.ok(claimed, GEOJSON).build()).orElseGet(ExportSlots::busy);
    }

    private static void feature(JsonGenerator g, Disclosure.Shown shown) throws java.io.IOException {
        SpeciesSnapshot species = shown.species();
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", shown.uuid().toString());
        if (Double.isFinite(shown.lat()) && Double.isFinite(shown.lon())) {
            g.writeObjectFieldStart("geometry");
            g.writeStringField("type", "Point");
            g.writeArrayFieldStart("coordinates");
            g.writeNumber(shown.lon());
            g.writeNumber(shown.lat());
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeNullField("geometry"); // RFC 7946: an unlocated feature; never a row that breaks the collection
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("uuid", shown.uuid().toString());
        g.writeNumberField("speciesId", species.id());
        g.writeStringField("scientificName", species.scientificName());
        g.writeStringField("chineseName", species.chineseName());
        g.writeStringField("observedAt", shown.observedAt() == null ? null : shown.observedAt().toString());
        g.writeStringField("observedOn", shown.observedOn().toString());
        g.writeStringField("countyCode", shown.countyCode());
        g.writeStringField("plotCode", shown.plotCode());
        g.writeStringField("stationId", shown.stationId());
        g.writeNumberField("individualCount", shown.count());
        g.writeStringField("reviewStatus", shown.status());
        g.writeBooleanField("invasive", species.invasive());
        g.writeBooleanField("sensitive", species.sensitive());
        g.writeBooleanField("generalized", shown.generalized());
        if (shown.accuracyM() == null || !Double.isFinite(shown.accuracyM())) {
            g.writeNullField("accuracyM");
        } else {
            g.writeNumberField("accuracyM", shown.accuracyM());
        }
        g.writeStringField("method", shown.method());
        g.writeEndObject();
        g.writeEndObject();
    }

    @GET
    @Path("observations.csv")
    @PermitAll
    @Produces(CSV)
    @Operation(operationId = "exportObservationsCsv", summary = "Observations as CSV (UTF-8, RFC 4180), newest first",
            description = "Callers: anyone, also without a token. The filters and geoprivacy of GET /observations (generalized"
                    + " rows carry the public id, an empty observedAt (observedOn gives the day) and empty plotCode,"
                    + " stationId and method; a plotCode, observer or method filter leaves them out);"
                    + " rejected records are never included. Streamed; without limit every matching record is written.")
    @APIResponse(responseCode = "200", description = "One header line, one line per observation",
            content = @Content(mediaType = CSV, examples = @ExampleObject(name = "macaques", value = EXAMPLE_CSV)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    @APIResponse(responseCode = "503", description = "Too many exports streaming at once; retry after Retry-After seconds")
    public Response csv(
            @BeanParam ObservationFilterParams filters,
            @Parameter(description = "UNVERIFIED or VERIFIED (rejected records are never exported)", example = "VERIFIED") @QueryParam("status") String status,
            @Parameter(description = "SIGHTING, CAMERA_TRAP, ACOUSTIC, TRACK, SIGN, SPECIMEN or OTHER; leaves out the records this caller gets generalized", example = "SIGHTING") @QueryParam("method") String method,
            @Parameter(description = "At most this many rows, 1–10000 (default: all)", example = "5000") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of GET /observations or /observations.geojson: continue after it") @QueryParam("cursor") String cursor) {
        ObservationQuery query = ObservationQuery.parse(filters.with(status, method, limit, cursor), null,
                config.maxFeatureLimit());
        ObservationReader.Selection selection = reader.select(query.filter(), Caller.of(identity));
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            w.write(CSV_HEADER);
            selection.stream(query.after(), query.limit(), (p, listed) -> {
                SpeciesSnapshot species = p.species();
                w.write(String.join(",", p.uuid().toString(), Long.toString(species.id()), csv(species.scientificName()),
                        csv(species.chineseName()), p.observedAt() == null ? "" : p.observedAt().toString(),
                        p.observedOn().toString(), DarwinCoreArchiveWriter.number(p.lat()), DarwinCoreArchiveWriter.number(p.lon()),
                        p.accuracyM() == null ? "" : DarwinCoreArchiveWriter.number(p.accuracyM()),
                        Boolean.toString(p.generalized()), csv(p.countyCode()), csv(p.plotCode()), csv(p.stationId()),
                        csv(p.method()), Integer.toString(p.count()), p.status(), Boolean.toString(species.invasive()),
                        Boolean.toString(species.sensitive())));
                w.write("\r\n");
            });
            w.flush();
        };
        return slots.claim(body).map(claimed -> Response.ok(claimed, CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"observations.csv\"").build()).orElseGet(ExportSlots::busy);
    }

    /**
     * RFC 4180: quote a value with a comma, quote or line break; double the quotes inside. A value a
     * spreadsheet would run as a formula (free text such as a station id starting with = + - @) gets a
     * leading apostrophe: bureau staff open this file in Excel.
     */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    @GET
    @Path("exports/dwca")
    @RolesAllowed({Roles.BUREAU, Roles.ADMIN})
    @Produces("application/zip")
    @Operation(operationId = "exportDarwinCoreArchive", summary = "A Darwin Core Archive of observations for GBIF and the national platforms",
            description = "Callers: bureau, admin. A zip with meta.xml (core rowType Occurrence), eml.xml (title, publisher,"
                    + " contact, licence, coverage) and occurrence.txt (UTF-8, tab-separated). Rejected records are left"
                    + " out; sensitive species are always generalized, whoever asks, because the archive is for"
                    + " publication: the cell centre, eventDate to the day, occurrenceID from the public id, basisOfRecord"
                    + " Occurrence, and empty locationID, eventID, recordedBy and samplingProtocol (dataGeneralizations and"
                    + " informationWithheld say so), and only once released (the next midnight in China after they were"
                    + " recorded). recordedBy is otherwise a pseudonym. from/to compare a sensitive species' records by"
                    + " the start of their day in China. Streamed.")
    @APIResponse(responseCode = "200", description = "The archive (application/zip)",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "A filter is invalid")
    @APIResponse(responseCode = "503", description = "Too many exports streaming at once; retry after Retry-After seconds")
    public Response darwinCoreArchive(
            @Parameter(description = "observedAt ≥ from (ISO-8601 with offset, in the years 1900–2199)", example = "2025-01-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(description = "observedAt < to (ISO-8601 with offset, in the years 1900–2199)", example = "2026-01-01T00:00:00+08:00") @QueryParam("to") String to,
            @Parameter(description = "GB/T 2260 county code. eml.xml then describes that county, and its bounding box is the"
                    + " county's extent widened to whole 0.1° cells (so generalized points lie inside it) instead of the city's box",
                    example = "410821") @QueryParam("countyCode") String countyCode,
            @Parameter(description = "Species id", example = "1") @QueryParam("speciesId") String speciesId) {
        ObservationQuery query = ObservationQuery.parse(new ObservationQuery.Params(speciesId, countyCode, null, from, to,
                null, null, null, null, null), null, 1);
        StreamingOutput body = out -> dwca.write(query, out);
        String name = "jiaozuo-occurrences-" + LocalDate.now(CHINA) + ".zip";
        return slots.claim(body).map(claimed -> Response.ok(claimed, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build()).orElseGet(ExportSlots::busy);
    }

}
