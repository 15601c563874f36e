package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.CamtrapDpImporter;
import cn.jiaozuo.biodiversity.observation.domain.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
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
    static final String EXAMPLE_REPORT = """
            {"created": 2, "duplicates": 0, "rejected": 1, "skipped": 1,
             "deployments": [{"deploymentID": "CT-017-2025A", "stationId": "CT-017-2025A", "plotCode": "410821-01", "countyCode": "410821"}],
             "errors": [
               {"file": "observations.csv", "row": 3, "message": "observationType 'blank' is not an animal observation; skipped", "outcome": "SKIPPED"},
               {"file": "observations.csv", "row": 5, "message": "scientificName 'Felis catus' is not in the species catalog", "outcome": "REJECTED"}]}""";

    private final CamtrapDpImporter importer;
    private final SecurityIdentity identity;

    public CamtrapImportResource(CamtrapDpImporter importer, SecurityIdentity identity) {
        this.importer = importer;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.STATION)
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a zipped Camtrap DP 1.0 package",
            description = "Callers: station. The body is the zip itself (Content-Type application/zip) holding"
                    + " datapackage.json, deployments.csv, media.csv and observations.csv (at the top or in one folder)."
                    + " Each observationType=animal row becomes a CAMERA_TRAP observation at its deployment's point with"
                    + " stationId = deploymentID, through the same rules and events as POST /observations/batch; the"
                    + " county comes from the plot containing the point, else from countyCode. uuids derive from the"
                    + " package id, deploymentID and observationID, so a re-import answers duplicates. Every other row"
                    + " is listed in errors (file, line, message). Up to 32 MB; other entries of the zip are skipped"
                    + " without being unpacked.")
    @RequestBody(content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary",
            description = "zip of datapackage.json, deployments.csv, media.csv, observations.csv")))
    @APIResponse(responseCode = "200", description = "The package was read; counts and per-row problems",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "mixed", value = EXAMPLE_REPORT)))
    @APIResponse(responseCode = "400", description = "Not a zip, a file or a required column missing, datapackage.json"
            + " unreadable, or an unknown countyCode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no descriptor", value = """
                            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has an invalid field",
                             "instance": "/imports/camtrap-dp",
                             "violations": [{"field": "datapackage.json", "message": "is missing from the package; a Camtrap DP package holds datapackage.json, deployments.csv, media.csv and observations.csv"}]}""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role other than station",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 32 MB, the package's four files unpack to more than 32 MB"
            + " together (the violation names the entry), or the zip holds more than 10000 entries",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not application/zip",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importPackage(
            @Parameter(description = "County of deployments that lie in no sampling plot", example = "410821")
            @QueryParam("countyCode") String countyCode,
            InputStream body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "a zipped Camtrap DP package is required");
        }
        String county = countyCode == null || countyCode.isBlank() ? null : countyCode.trim();
        return importer.importPackage(body, county, Caller.of(identity));
    }
}
