package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.AlertFilter;
import cn.jiaozuo.biodiversity.alert.domain.Subscription;
import cn.jiaozuo.biodiversity.alert.domain.SubscriptionService;
import cn.jiaozuo.biodiversity.alert.messaging.WebhookDispatcher;
import cn.jiaozuo.biodiversity.alert.repository.WebhookDeliveryRepository;
import cn.jiaozuo.biodiversity.common.http.QueryValues;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions, each owned by an organisation: who sees what is {@link SubscriptionService}'s rule. */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BUREAU, Roles.ADMIN})
@Tag(name = "Subscriptions", description = "Subscriptions of bureaus to alert events through a webhook or a WeCom,"
        + " DingTalk or Feishu group robot, their deliveries and test messages."
        + " A subscription belongs to the organisation in the org claim of its creator's token: bureau users see only"
        + " their organisation's (another one's is 404), admins see all. The secret is write-only.")
public class SubscriptionResource {

    private final SubscriptionService service;
    private final SecurityIdentity identity;
    private final WebhookDispatcher dispatcher;
    private final WebhookDeliveryRepository deliveries;

    public SubscriptionResource(SubscriptionService service, SecurityIdentity identity, WebhookDispatcher dispatcher,
            WebhookDeliveryRepository deliveries) {
        this.service = service;
        this.identity = identity;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Subscribe a webhook or a chat robot to alert events",
            description = "Roles bureau and admin, with an org claim in the token: the subscription belongs to that"
                    + " organisation. Every alert event matching the filter is POSTed to the URL, signed with"
                    + " the secret (see the subscriber guide). Applies to events from now on. The URL must be http or https"
                    + " without user name or password, and reach a public internet address: loopback, private, link-local,"
                    + " cluster-internal names (localhost, a name without a dot, *.svc, *.cluster.local, *.internal) and"
                    + " unusual IP forms are refused with a violation on webhook.url, unless the operator allowed the"
                    + " receiver (alerts.webhook.allowed-receivers). The address is checked again at each delivery."
                    + " With channel WECOM, DINGTALK or FEISHU the alerts go to a group chat robot as the vendor's"
                    + " message instead: webhook.url is the robot's address at the vendor's host (with its key or access"
                    + " token), webhook.secret its signing secret (DingTalk SEC…, Feishu; none for WeCom).")
    @APIResponse(responseCode = "201", description = "Created; the secret is not echoed (secretSet: true)",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, among them a webhook URL that is not a public receiver"
            + " or a filter over 8000 characters as JSON (field filter)")
    @APIResponse(responseCode = "403", description = "Not role bureau or admin, or the token names no organisation (claim org)")
    public Response create(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionRequest.Filter f = request.filter();
        Subscription s = service.subscribe(new SubscriptionService.NewSubscription(request.name(), request.organization(),
                f == null ? null : new AlertFilter(f.speciesIds(), f.groups(), f.countyCodes(), f.minSeverity(), f.rules()),
                request.channel(), request.webhook() == null ? null : request.webhook().url(),
                request.webhook() == null ? null : request.webhook().secret(),
                request.email() == null ? null : request.email().recipients(),
                new SubscriptionService.Timing(request.immediateSeverities(), request.digest(), request.digestAt(),
                        request.quietHours() == null ? null : request.quietHours().from(),
                        request.quietHours() == null ? null : request.quietHours().to()),
                Boolean.TRUE.equals(request.bulletins())), Caller.of(identity));
        return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .entity(SubscriptionView.of(s)).build();
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "List subscriptions", description = "Roles bureau and admin. A bureau user gets their"
            + " organisation's subscriptions (org claim; none without one), an admin all. Secrets are never returned.")
    @APIResponse(responseCode = "200", description = "The caller's organisation's subscriptions, oldest first",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class, type = SchemaType.ARRAY)))
    public List<SubscriptionView> list() {
        return service.visibleTo(Caller.of(identity)).stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubscription", summary = "One subscription", description = "Roles bureau and admin; a bureau user only of their"
            + " organisation. The secret is never returned.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or another organisation's")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(service.find(id, Caller.of(identity)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription", description = "Roles bureau and admin; a bureau user only of their"
            + " organisation. Its pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription, or another organisation's")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id, Caller.of(identity));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "testSubscription", summary = "Send a test message",
            description = "Roles bureau and admin; a bureau user only of their organisation. Sends a sample alert (a"
                    + " CRITICAL 美国白蛾 in 解放区, marked 测试消息) to the webhook or robot at once and answers the"
                    + " outcome, also when the receiver refused it: one try, not retried, logged among the deliveries"
                    + " with kind TEST. A webhook gets event type SubscriptionTest. A robot's refusal shows its own"
                    + " words (a wrong key, a bad signature, a keyword or IP its security settings do not allow).")
    @APIResponse(responseCode = "200", description = "The test delivery: DELIVERED, or FAILED with lastStatus and lastError",
            content = @Content(schema = @Schema(implementation = DeliveryView.class), examples = @ExampleObject(
                    name = "refused", value = "{\"id\": \"0b7e0a4e-94c4-4a4e-9d52-3c1c5e0f6a11\", \"eventId\":"
                            + " \"5f1e2c1b-7f7a-4c5e-8d7b-1c2a3b4c5d6e\", \"eventType\": \"SubscriptionTest\","
                            + " \"alertId\": null, \"kind\": \"TEST\", \"status\": \"FAILED\", \"attempts\": 1,"
                            + " \"lastStatus\": 200, \"lastError\": \"errcode 310000: sign not match\","
                            + " \"nextAttemptAt\": null, \"lastAttemptAt\": \"2026-06-01T06:30:00Z\","
                            + " \"deliveredAt\": null, \"createdAt\": \"2026-06-01T06:30:00Z\"}")))
    @APIResponse(responseCode = "404", description = "No such subscription, or another organisation's")
    public DeliveryView test(@PathParam("id") UUID id) throws SQLException {
        Subscription subscription = service.find(id, Caller.of(identity));
        UUID delivery = dispatcher.sendTest(subscription);
        return DeliveryView.of(deliveries.findById(delivery));
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
            @Parameter(description = "1–500, default 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500")) @QueryParam("limit") String limit) {
        List<Violation> violations = new ArrayList<>();
        Integer size = QueryValues.integer("limit", limit, 1, 500, violations);
        QueryValues.requireValid(violations);
        return service.deliveries(id, Caller.of(identity), size == null ? 100 : size).stream().map(DeliveryView::of)
                .toList();
    }
}
