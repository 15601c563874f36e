package cn.jiaozuo.biodiversity.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the alert service (prefix {@code alerts}). */
@ConfigMapping(prefix = "alerts")
public interface AlertConfig {

    Webhook webhook();

    Stream stream();

    Channels channels();

    Enforcement enforcement();

    Disease disease();

    Digests digests();

    E2e e2e();

    /** Time zone whose calendar day PROTECTED_SPECIES alerts aggregate over. */
    @WithDefault("Asia/Shanghai")
    String zone();

    interface Webhook {

        /** Whether this instance dispatches webhook deliveries (rows are written regardless). */
        @WithDefault("true")
        boolean enabled();

        /** Wait after the first failed try; doubles after each further failure. */
        @WithDefault("30s")
        Duration retryBase();

        /** Upper bound of one wait between tries. */
        @WithDefault("1h")
        Duration retryMax();

        /**
         * Tries before a delivery is FAILED. 10 tries with 30 s doubling (capped at 1 h) span about
         * three hours, so a subscriber's restart or short outage loses nothing.
         */
        @WithDefault("10")
        int maxAttempts();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Whole-request timeout: a slow subscriber holds one sender thread at most this long. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Parallel sends; each delivery occupies one sender while it is in flight. */
        @WithDefault("16")
        int senders();

        /** How often due retries are looked for when no commit woke the dispatcher. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Receivers inside the network that may get webhooks although their address is not public:
         * CIDRs ({@code 10.20.0.0/16}), single addresses ({@code 127.0.0.1}), host names
         * ({@code hooks.lyj.example}) or {@code *.suffix} names (env ALERTS_WEBHOOK_ALLOWED_RECEIVERS,
         * comma-separated). Empty by default: only public addresses. A listed name is trusted with
         * whatever it resolves to, so prefer CIDRs.
         */
        Optional<List<String>> allowedReceivers();
    }

    /** Chat robot channels (WeCom, DingTalk, Feishu). */
    interface Channels {

        /** The monitoring console as bureau users open it, linked from every robot message (env ALERTS_CHANNELS_CONSOLE_URL). */
        @WithDefault("http://localhost:8083/console/")
        String consoleUrl();

        /**
         * A robot or e-mail subscription hears of an alert's updates (AlertUpdated: one more observation …) at most
         * this often: an aggregated alert updated 50 times in an hour is one message, then one with its latest state.
         * Raised, escalated, acknowledged and resolved go at once; webhooks get every event. Zero: every update.
         */
        @WithDefault("1h")
        Duration updateInterval();

        /**
         * bulletin-service as its readers open it: bulletin messages link {@code <this><htmlPath>}
         * (env ALERTS_CHANNELS_BULLETIN_URL).
         */
        @WithDefault("http://localhost:8085")
        String bulletinUrl();
    }

    /** Hourly and daily digests (docs/alert-service.md#digests-and-quiet-hours). */
    interface Digests {

        /** Whether this instance runs the digest pass (any number of replicas may). */
        @WithDefault("true")
        boolean enabled();

        /** How often due digests are looked for: a digest leaves at most this long after its time. */
        @WithDefault("30s")
        Duration pollInterval();
    }

    /** Only for the e2e stack (deploy/local/lib/services.sh); never set in production. */
    interface E2e {

        /**
         * Serves {@code PUT /e2e/clock} (no token), which moves the {@link cn.jiaozuo.biodiversity.alert.domain.DeliveryClock}
         * so an end-to-end journey can be "at night" and then "in the morning". Off by default; a production
         * manifest must never set ALERTS_E2E_CLOCK_HOOK.
         */
        @WithDefault("false")
        boolean clockHook();
    }

    interface Stream {

        /** Whether this instance serves GET /alerts/stream (reads topic alerts without a group). */
        @WithDefault("true")
        boolean enabled();

        /** SSE comment sent this often so that proxies keep idle streams open and dead ones are noticed. */
        @WithDefault("15s")
        Duration heartbeat();
    }

    /** ENFORCEMENT alerts (docs/alert-service.md): when a snare, trap or poaching is near a sensitive species. */
    interface Enforcement {

        /**
         * A SNARE, TRAP or POACHING incident this close (metres, great-circle) to a recent sighting of a sensitive
         * species is CRITICAL: about the distance a musk deer or leopard covers in a day or two within its range.
         */
        @WithDefault("3000")
        double sightingRadiusM();

        /** How recent such a sighting is (before the incident, or since); older sightings are pruned. */
        @WithDefault("P30D")
        Duration sightingWindow();
    }

    /** Wildlife disease surveillance (docs/biosecurity.md): the cluster rule's N, R and D. */
    interface Disease {

        /**
         * N: this many dead wild birds or more, near each other in space and time, are a DISEASE_CLUSTER. Five is the
         * threshold the avian-influenza surveillance guidance uses for an unexplained die-off of wild birds.
         */
        @WithDefault("5")
        int clusterMinDeadBirds();

        /** R: the greatest distance (metres, great-circle) between a new report and the others it clusters with. */
        @WithDefault("3000")
        double clusterRadiusM();

        /** D: the greatest time between a new report and the others it clusters with (before or after). */
        @WithDefault("P3D")
        Duration clusterWindow();

        /** How far in the future (client clock skew) a report's observedAt may lie. */
        @WithDefault("PT5M")
        Duration futureTolerance();
    }
}
