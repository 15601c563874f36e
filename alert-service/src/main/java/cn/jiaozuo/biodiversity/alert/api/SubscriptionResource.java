package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AlertFilter;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import cn.jiaozuo.biodiversity.alert.messaging.ReceiverAddressPolicy;
import cn.jiaozuo.biodiversity.alert.repository.SubscriptionRepository;
import cn.jiaozuo.biodiversity.alert.repository.WebhookDeliveryRepository;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions, each owned by the organisation in its creator's token (claim {@code org}):
 * a subscription holds the organisation's receiver URL and the deliveries show what it was sent, so a
 * bureau user sees and changes only their own organisation's; another one's answers 404 like a
 * missing one, so ids tell nothing. Admins see all.
 */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BUREAU, Roles.ADMIN})
@Tag(name = "Subscriptions", description = "Webhook subscriptions of bureaus to alert events, and their deliveries."
        + " A subscription belongs to the organisation in the org claim of its creator's token: bureau users see only"
        + " their organisation's (another one's is 404), admins see all. The secret is write-only.")
public class SubscriptionResource {

    /** Token claim naming the caller's organisation. */
    public static final String ORG_CLAIM = "org";

    private final SubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;
    private final JsonWebToken caller;
    private final ReceiverAddressPolicy receivers;

    public SubscriptionResource(SubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            ObjectMapper json, JsonWebToken caller, ReceiverAddressPolicy receivers) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.caller = caller;
        this.receivers = receivers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createSubscription", summary = "Subscribe a webhook to alert events",
            description = "Roles bureau and admin, with an org claim in the token: the subscription belongs to that"
                    + " organisation. Every alert event matching the filter is POSTed to the URL, signed with"
                    + " the secret (see the subscriber guide). Applies to events from now on. The URL must be http or https"
                    + " without user name or password, and reach a public internet address: loopback, private, link-local,"
                    + " cluster-internal names (localhost, a name without a dot, *.svc, *.cluster.local, *.internal) and"
                    + " unusual IP forms are refused with a violation on webhook.url, unless the operator allowed the"
                    + " receiver (alerts.webhook.allowed-receivers). The address is checked again at each delivery.")
    @APIResponse(responseCode = "201", description = "Created; the secret is not echoed (secretSet: true)",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, among them a webhook URL that is not a public receiver"
            + " or a filter over 8000 characters as JSON (field filter)")
    @APIResponse(responseCode = "403", description = "Not role bureau or admin, or the token names no organisation (claim org)")
    public Response create(@Valid @NotNull SubscriptionRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        String org = callerOrg().orElseThrow(() -> new ProblemException(403, "Your token names no organisation"
                + " (claim org). A subscription belongs to an organisation: ask your administrator for a token that"
                + " names yours."));
        validate(request);
        SubscriptionRequest.Filter filter = request.filter() == null
                ? new SubscriptionRequest.Filter(null, null, null, null, null)
                : request.filter();
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.name = request.name().strip();
        s.organization = request.organization().strip();
        s.org = org;
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
    @Operation(operationId = "listSubscriptions", summary = "List subscriptions", description = "Roles bureau and admin. A bureau user gets their"
            + " organisation's subscriptions (org claim; none without one), an admin all. Secrets are never returned.")
    @APIResponse(responseCode = "200", description = "The caller's organisation's subscriptions, oldest first",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class, type = SchemaType.ARRAY)))
    public List<SubscriptionView> list() {
        if (isAdmin()) {
            return subscriptions.everyOrg().stream().map(this::view).toList();
        }
        return callerOrg().map(subscriptions::ofOrg).orElse(List.of()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubscription", summary = "One subscription", description = "Roles bureau and admin; a bureau user only of their"
            + " organisation. The secret is never returned.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or another organisation's")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return view(find(id));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription", description = "Roles bureau and admin; a bureau user only of their"
            + " organisation. Its pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription, or another organisation's")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(find(id));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listDeliveries", summary = "Latest webhook deliveries of a subscription",
            description = "Roles bureau and admin; a bureau user only of their organisation. Newest first: status,"
                    + " tries, last HTTP status or 'receiver unreachable', next try. Neither the secret nor the body is shown.")
    @APIResponse(responseCode = "200", description = "Deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid limit")
    @APIResponse(responseCode = "404", description = "No such subscription, or another organisation's")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "1–500, default 100") @QueryParam("limit") Integer limit) {
        find(id);
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 500) {
            throw ProblemException.badRequest("limit", "must be between 1 and 500");
        }
        return deliveries.latest(id, size).stream().map(DeliveryView::of).toList();
    }

    /** The subscription if the caller may see it; another organisation's is "not found" too, so ids tell nothing. */
    private Subscription find(UUID id) {
        return subscriptions.findByIdOptional(id)
                .filter(s -> isAdmin() || (s.org != null && callerOrg().filter(s.org::equals).isPresent()))
                .orElseThrow(() -> ProblemException.notFound("No subscription " + id));
    }

    private boolean isAdmin() {
        return caller.getGroups().contains(Roles.ADMIN);
    }

    /** The caller's organisation: the token's org claim, if it is a non-blank string. */
    private Optional<String> callerOrg() {
        Object claim = caller.getClaim(ORG_CLAIM);
        String org = claim instanceof JsonString text ? text.getString() : claim instanceof String text ? text : null;
        return org == null || org.isBlank() || org.length() > 100 ? Optional.empty() : Optional.of(org.strip());
    }

    private void validate(SubscriptionRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        receivers.refusal(request.webhook().url())
                .ifPresent(why -> violations.add(new Problem.Violation("webhook.url", why)));
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
        return new SubscriptionView(s.id, s.name, s.organization, s.org,
                new SubscriptionRequest.Filter(f.speciesIds(), f.groups(), f.countyCodes(), f.minSeverity(), f.rules()),
                s.webhookUrl, s.webhookSecret != null && !s.webhookSecret.isEmpty(), s.createdBy, s.createdAt);
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
