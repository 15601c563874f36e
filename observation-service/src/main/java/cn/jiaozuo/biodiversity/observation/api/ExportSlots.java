package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.problem.Problem;
import cn.jiaozuo.biodiversity.observation.config.ExportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Caps how many exports stream at once: each holds a pooled database connection and a read-only
 * transaction for its whole download, and slow (or stalled) readers of the public CSV and GeoJSON
 * must not take the pool from intake. A slot is freed when the body has been written or failed.
 */
@ApplicationScoped
public class ExportSlots {

    private final Semaphore slots;

    public ExportSlots(ExportConfig config) {
        this.slots = new Semaphore(config.maxConcurrentStreams());
    }

    /** The body, wrapped to free its slot once written, or empty when every slot is taken. */
    Optional<StreamingOutput> claim(StreamingOutput body) {
        if (!slots.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(out -> {
            try {
                body.write(out);
            } finally {
                slots.release();
            }
        });
    }

    /** 503 with Retry-After: the export can be asked for again shortly; nothing is wrong with it. */
    static Response busy() {
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "30")
                .entity(Problem.of(503, "Too many exports are streaming right now; retry in half a minute")).build();
    }
}
