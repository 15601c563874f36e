package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AlertFilter;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import cn.jiaozuo.biodiversity.alert.repository.SubscriptionRepository;
import cn.jiaozuo.biodiversity.alert.repository.WebhookDeliveryRepository;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BUREAU, Roles.ADMIN})
@Tag(name = "Subscriptions", description = "Webhook subscriptions of bureaus to alert events, and their deliveries")
public class SubscriptionResource {

    private final SubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;
    private final JsonWebToken caller;

    public SubscriptionResource(SubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            ObjectMapper json, JsonWebToken caller) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Subscribe a webhook to alert events",
            description = "Roles bureau and admin. Every alert event matching the filter is POSTed to the URL, signed with"
                    + " the secret (see the subscriber guide). Applies to events from now on.")
    @APIResponse(responseCode = "201", description = "Created; the secret is not echoed",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a filter over 8000 characters as JSON (field filter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not role bureau or admin")
    public Response create(@Valid @NotNull SubscriptionRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        validate(request);
        SubscriptionRequest.Filter filter = request.filter() == null
                ? new SubscriptionRequest.Filter(null, null, null, null, null)
                : request.filter();
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.name = request.name().strip();
        s.organization = request.organization().strip();
        s.filter = write(new AlertFilter(filter.speciesIds(), filter.groups(), filter.countyCodes(), filter.minSeverity(),
                filter.rules()));
        if (s.filter.length() > MAX_FILTER_LENGTH) {
            // The column holds 8000 characters: 500 long species ids or long group names overflowed it, a 500.
            throw ProblemException.badRequest("filter", "is too large to store (" + s.filter.length() + " characters as JSON,"
                    + " at most " + MAX_FILTER_LENGTH + "); split it into several subscriptions");
        }
        s.webhookUrl = request.webhook().url().strip();
        s.webhookSecret = request.webhook().secret();
        s.createdBy = caller.getName();
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscriptions.persist(s);
        return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build()).entity(view(s)).build();
    }

    @GET
    @Operation(summary = "List subscriptions", description = "Roles bureau and admin. Secrets are never returned.")
    @APIResponse(responseCode = "200", description = "All subscriptions",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not role bureau or admin")
    public List<SubscriptionView> list() {
        return subscriptions.listAll().stream().sorted(Comparator.comparing((Subscription s) -> s.createdAt))
                .map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription", description = "Roles bureau and admin. The secret is never returned.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not role bureau or admin")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return view(find(id));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a subscription", description = "Roles bureau and admin. Its pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not role bureau or admin")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(find(id));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Latest webhook deliveries of a subscription",
            description = "Roles bureau and admin. Newest first: status, tries, last HTTP status or error, next try.")
    @APIResponse(responseCode = "200", description = "Deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not role bureau or admin")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "1–500, default 100") @QueryParam("limit") Integer limit) {
        find(id);
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 500) {
            throw ProblemException.badRequest("limit", "must be between 1 and 500");
        }
        return deliveries.latest(id, size).stream().map(DeliveryView::of).toList();
    }

    private Subscription find(UUID id) {
        return subscriptions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No subscription " + id));
    }

    private void validate(SubscriptionRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            URI url = URI.create(request.webhook().url().strip());
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                violations.add(new Problem.Violation("webhook.url", "must be an absolute http or https URL"));
            }
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("webhook.url", "must be an absolute http or https URL"));
        }
        if (request.filter() != null && request.filter().countyCodes() != null) {
            for (String code : request.filter().countyCodes()) {
                if (!JiaozuoCounty.isValid(code)) {
                    violations.add(new Problem.Violation("filter.countyCodes", code + " is not a Jiaozuo county code"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
    }

    private SubscriptionView view(Subscription s) {
        AlertFilter f;
        try {
            f = json.readValue(s.filter, AlertFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SubscriptionView(s.id, s.name, s.organization,
                new SubscriptionRequest.Filter(f.speciesIds(), f.groups(), f.countyCodes(), f.minSeverity(), f.rules()),
                s.webhookUrl, s.createdBy, s.createdAt);
    }

    /** The length of the subscription.filter column (V1__alerts.sql). */
    static final int MAX_FILTER_LENGTH = 8000;

    private String write(AlertFilter filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
