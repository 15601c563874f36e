package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.config.AlertConfig;
import cn.jiaozuo.biodiversity.alert.domain.DeliveryClock;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * {@code PUT /e2e/clock {"now": "2026-06-01T23:30:00+08:00"}} moves the {@link DeliveryClock} (quiet hours, digests),
 * {@code DELETE /e2e/clock} puts it back: how an end-to-end journey is "at night" and then "in the morning" on a
 * running stack. The route is added at start only when {@code alerts.e2e.clock-hook} is true, which only the e2e
 * stack sets (deploy/local/lib/services.sh): elsewhere it does not exist at all, not even as a 403. Not a JAX-RS
 * resource, so it is in no OpenAPI document.
 */
@ApplicationScoped
public class E2eClockHook {

    private static final Logger LOG = Logger.getLogger(E2eClockHook.class);

    private final DeliveryClock clock;
    private final boolean enabled;

    public E2eClockHook(DeliveryClock clock, AlertConfig config) {
        this.clock = clock;
        this.enabled = config.e2e().clockHook();
    }

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        LOG.warn("alerts.e2e.clock-hook is on: PUT /e2e/clock moves the delivery clock. Never in production.");
        router.put("/e2e/clock").handler(BodyHandler.create().setBodyLimit(1024)).handler(ctx -> {
            try {
                JsonObject body = ctx.body().asJsonObject();
                clock.set(OffsetDateTime.parse(body.getString("now")).toInstant());
                ctx.response().setStatusCode(204).end();
            } catch (RuntimeException e) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain").end("{\"now\": ISO-8601 with offset}");
            }
        });
        router.delete("/e2e/clock").handler(ctx -> {
            clock.reset();
            ctx.response().setStatusCode(204).end();
        });
    }
}
