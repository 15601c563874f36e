package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.CamtrapDpImporter;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/imports/camtrap-dp")
@Tag(name = "Imports", description = "Camera-trap data in Camtrap DP")
public class CamtrapImportResource {

    static final String ZIP = "application/zip";
    /** What browsers on Windows send for a .zip file. */
    static final String X_ZIP = "application/x-zip-compressed";
    /** The Content-Types taken, in the order the 415 names them. */
    static final List<String> ACCEPTED = List.of(ZIP, X_ZIP, MediaType.APPLICATION_OCTET_STREAM);
    static final String EXAMPLE_REPORT = """
            {"created": 2, "duplicates": 0, "rejected": 2, "skipped": 2, "combined": 2,
             "deployments": [{"deploymentID": "CT-017-2025A", "stationId": "CT-017-2025A", "plotCode": "410821-01", "countyCode": "410821"}],
             "errors": [
               {"file": "deployments.csv", "row": 3, "message": "deployment 'CT-BE-01': latitude/longitude must lie in Jiaozuo or its surroundings (lat 34.5–35.8, lon 112.2–114.0)", "outcome": "REJECTED"},
               {"file": "observations.csv", "row": 3, "message": "observationType 'blank' is not an animal observation; skipped", "outcome": "SKIPPED"},
               {"file": "observations.csv", "row": 4, "message": "media-level row of an event classified at event level (eventID 'e1'): the event-level rows count its animals; skipped", "outcome": "SKIPPED"},
               {"file": "observations.csv", "row": 5, "message": "scientificName 'Felis catus' is not in the species catalog", "outcome": "REJECTED"},
               {"file": "observations.csv", "row": 9, "message": "deployment 'CT-BE-01' is not usable: see deployments.csv row 3", "outcome": "REJECTED"}]}""";

    private final CamtrapDpImporter importer;
    private final SecurityIdentity identity;

    public CamtrapImportResource(CamtrapDpImporter importer, SecurityIdentity identity) {
        this.importer = importer;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.STATION)
    // Any type reaches the method, so that a wrong one gets a 415 naming the accepted ones (the framework's says JSON).
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importCamtrapDp", summary = "Import a zipped Camtrap DP 1.0 package",
            description = "Callers: station. The body is the zip itself (Content-Type application/zip,"
                    + " application/x-zip-compressed or application/octet-stream) holding"
                    + " datapackage.json, deployments.csv, media.csv and observations.csv (at the top or in one folder)."
                    + " Each animal is counted once, as Camtrap DP 1.0 intends: an observationLevel=event row with"
                    + " observationType=animal becomes a CAMERA_TRAP observation; an event that has no event-level"
                    + " classification gives one observation per species from its media-level rows (the highest count of"
                    + " those rows, at the event's first photo; the other rows are counted as combined); the media-level"
                    + " rows of an event classified at event level are skipped. Observations are placed at their"
                    + " deployment's point with stationId = deploymentID, through the same rules and events as"
                    + " POST /observations/batch (so each deploymentID must be a station registered in"
                    + " sampling-plot-service and bound to this token's subject, else its rows are rejected); the"
                    + " county comes from the plot containing the point, else from countyCode, else from the one county"
                    + " outline covering the point (none or two near a boundary: the rows are rejected). A deployment outside"
                    + " Jiaozuo is reported once against its deployments.csv row and its rows point there. uuids derive"
                    + " from the package id, deploymentID and observationID (media-level: eventID and species), so a"
                    + " re-import answers duplicates. Every other row is listed in errors (file, line, message)."
                    + " Up to 32 MB; other entries of the zip are skipped without being unpacked.")
    @RequestBody(content = {
            @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "zip of datapackage.json, deployments.csv, media.csv, observations.csv")),
            @Content(mediaType = X_ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The package was read; counts and per-row problems",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportView.class),
                    examples = @ExampleObject(name = "mixed", value = EXAMPLE_REPORT)))
    @APIResponse(responseCode = "400", description = "Not a zip, a file or a required column missing, datapackage.json"
            + " unreadable, or an unknown countyCode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no descriptor", value = """
                            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has an invalid field",
                             "instance": "/imports/camtrap-dp",
                             "violations": [{"field": "datapackage.json", "message": "is missing from the package; a Camtrap DP package holds datapackage.json, deployments.csv, media.csv and observations.csv"}]}""")))
    @APIResponse(responseCode = "413", description = "Body over 32 MB, the package's four files unpack to more than 32 MB"
            + " together (the violation names the entry), or the zip holds more than 10000 entries")
    @APIResponse(responseCode = "415", description = "Content-Type missing or not one of application/zip,"
            + " application/x-zip-compressed, application/octet-stream",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "json sent", value = """
                            {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
                             "detail": "Send the zipped Camtrap DP package itself as application/zip (also accepted: application/x-zip-compressed, application/octet-stream)",
                             "instance": "/imports/camtrap-dp",
                             "violations": [{"field": "Content-Type", "message": "must be one of application/zip, application/x-zip-compressed, application/octet-stream"}]}""")))
    public ImportReportView importPackage(
            @Parameter(description = "County of deployments that lie in no sampling plot (without it, each such"
                    + " deployment's county comes from the one county outline covering its point)", example = "410821")
            @QueryParam("countyCode") String countyCode,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        if (!accepted(contentType)) {
            throw new ProblemException(415, "Send the zipped Camtrap DP package itself as " + ZIP + " (also accepted: "
                    + String.join(", ", ACCEPTED.subList(1, ACCEPTED.size())) + ")",
                    List.of(new Problem.Violation(HttpHeaders.CONTENT_TYPE, "must be one of " + String.join(", ", ACCEPTED))));
        }
        if (body == null) {
            throw ProblemException.badRequest("body", "a zipped Camtrap DP package is required");
        }
        List<Violation> violations = new ArrayList<>();
        String county = QueryValues.text("countyCode", countyCode, 100, violations); // the importer checks the code
        QueryValues.requireValid(violations);
        return ImportReportView.of(importer.importPackage(body, county, Caller.of(identity)));
    }

    /** The media type without parameters is one of {@link #ACCEPTED}; an unparsable header is not. */
    private static boolean accepted(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType.trim());
            return ACCEPTED.stream().anyMatch(a -> MediaType.valueOf(a).isCompatible(type) && !type.isWildcardType()
                    && !type.isWildcardSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
