package cn.jiaozuo.biodiversity.testsupport;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Exists only in test applications (it lives in test-support): endpoints that fail in each way a
 * real endpoint can, so {@link ProblemDetailsSpec} checks the shared error mapping once per service.
 */
@Path("/test-probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    public enum Kind { CAMERA_TRAP, SIGHTING }

    public record Point(@NotNull @Min(-90) @Max(90) Double lat, @NotNull Double lon) {
    }

    public record Probe(@NotNull @Size(max = 20) String name, @Min(1) int count, @Valid @NotNull Point location,
            List<@Valid Point> track, OffsetDateTime at, Kind kind, UUID ref, LocalDate day, Boolean flag) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Probe echo(@Valid @NotNull Probe probe) {
        return probe;
    }

    @GET
    @Path("/limit")
    @PermitAll
    @Operation(hidden = true)
    public int limit(@QueryParam("limit") @Min(1) @Max(500) int limit) {
        return limit;
    }

    /** Query parameters read with common's shared helper, as every service reads its dates and durations. */
    @GET
    @Path("/window")
    @PermitAll
    @Operation(hidden = true)
    public String window(@QueryParam("from") String from, @QueryParam("within") String within) {
        List<Problem.Violation> violations = new ArrayList<>();
        OffsetDateTime since = QueryValues.dateTime("from", from, violations);
        Duration span = QueryValues.duration("within", within, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        return since + " " + span;
    }

    @GET
    @Path("/conflict")
    @PermitAll
    @Operation(hidden = true)
    public void conflict() {
        throw ProblemException.conflict("Already exists");
    }

    @GET
    @Path("/database-down")
    @PermitAll
    @Operation(hidden = true)
    public void databaseDown() {
        throw new IllegalStateException(new SQLTransientConnectionException("Connection refused", "08001"));
    }

    @GET
    @Path("/bug")
    @PermitAll
    @Operation(hidden = true)
    public void bug() {
        throw new IllegalStateException("internal detail org.secret.Thing at line 42");
    }
}
