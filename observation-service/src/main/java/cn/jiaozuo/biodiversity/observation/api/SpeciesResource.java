package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.ProtectionLevel;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesCatalog;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesGroup;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/species")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Species", description = "The species catalog: protected, sensitive and invasive species of Jiaozuo")
public class SpeciesResource {

    private static final String EXAMPLE_SPECIES = """
            {"id": 1001, "scientificName": "Ambrosia artemisiifolia", "chineseName": "豚草", "englishName": "Common ragweed",
             "group": "PLANT", "protectionLevel": "NONE", "invasive": true, "sensitive": false}""";

    private final SpeciesCatalog catalog;
    private final SpeciesService service;

    public SpeciesResource(SpeciesCatalog catalog, SpeciesService service) {
        this.catalog = catalog;
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchSpecies", summary = "Search the species catalog", description = "Callers: anyone, no token needed (the catalog is public).")
    @APIResponse(responseCode = "200", description = "Matching species ordered by id",
            content = @Content(schema = @Schema(implementation = SpeciesView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "An invalid filter")
    public List<SpeciesView> search(
            @Parameter(description = "Part of the Chinese, Latin or English name, case-insensitive", example = "鹳") @QueryParam("q") String q,
            @Parameter(description = "Taxonomic group", schema = @Schema(implementation = SpeciesGroup.class)) @QueryParam("group") String group,
            @Parameter(description = "Only invasive (true) or only native (false) species", example = "true") @QueryParam("invasive") String invasive,
            @Parameter(description = "Protection class", schema = @Schema(implementation = ProtectionLevel.class)) @QueryParam("protectionLevel") String protectionLevel) {
        List<Violation> violations = new ArrayList<>();
        String text = QueryValues.text("q", q, 200, violations);
        SpeciesGroup g = QueryValues.enumValue("group", group, SpeciesGroup.class, violations);
        ProtectionLevel p = QueryValues.enumValue("protectionLevel", protectionLevel, ProtectionLevel.class, violations);
        Boolean onlyInvasive = bool("invasive", invasive, violations);
        QueryValues.requireValid(violations);
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        return catalog.all().stream()
                .filter(s -> needle == null || Stream.of(s.chineseName(), s.scientificName(), s.englishName())
                        .anyMatch(n -> n != null && n.toLowerCase(Locale.ROOT).contains(needle)))
                .filter(s -> g == null || g.name().equals(s.group()))
                .filter(s -> p == null || p.name().equals(s.protectionLevel()))
                .filter(s -> onlyInvasive == null || onlyInvasive == s.invasive())
                .map(SpeciesView::of)
                .toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getSpecies", summary = "Read one species", description = "Callers: anyone, no token needed.")
    @APIResponse(responseCode = "200", description = "The species", content = @Content(schema = @Schema(implementation = SpeciesView.class)))
    @APIResponse(responseCode = "404", description = "No such species")
    public SpeciesView get(@Parameter(example = "1") @PathParam("id") long id) {
        return catalog.byId(id).map(SpeciesView::of).orElseThrow(() -> ProblemException.notFound("No species " + id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSpecies", summary = "Add a species", description = "Callers: admin. Ids and names (Latin, Chinese) are unique.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = SpeciesView.class)))
    @APIResponse(responseCode = "409", description = "The id, scientific or Chinese name is taken")
    public Response create(@org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = SpeciesRequest.class), examples = @ExampleObject(name = "ragweed", value = EXAMPLE_SPECIES)))
            @Valid @NotNull SpeciesRequest request) {
        SpeciesSnapshot created = service.create(request.toEntry());
        catalog.reload(); // committed: make it visible to intake at once
        return Response.created(URI.create("/species/" + created.id())).entity(SpeciesView.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateSpecies", summary = "Change a species", description = "Callers: admin. Replaces every field; the id stays.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = SpeciesView.class)))
    @APIResponse(responseCode = "404", description = "No such species")
    @APIResponse(responseCode = "409", description = "The scientific or Chinese name belongs to another species")
    public SpeciesView update(@PathParam("id") long id, @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = SpeciesRequest.class), examples = @ExampleObject(name = "ragweed",
                    value = EXAMPLE_SPECIES))) @Valid @NotNull SpeciesRequest request) {
        SpeciesSnapshot updated = service.update(id, request.toEntry());
        catalog.reload();
        return SpeciesView.of(updated);
    }

    /**
     * {@code true} or {@code false} exactly (the JSON literals, as enum values are their exact names); null when absent.
     * QueryValues has no boolean reader: this is the service's only boolean parameter.
     */
    private static Boolean bool(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().equals("true") || value.strip().equals("false")) {
            return Boolean.valueOf(value.strip());
        }
        violations.add(new Violation(field, "must be true or false"));
        return null;
    }
}
