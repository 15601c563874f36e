package cn.jiaozuo.biodiversity.e2e.bench;

import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.testsupport.JwtMinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures the packaged system against the raw capacity of the same machine, in one run: PostgreSQL
 * single-row commits and 1000-row batches of the observation row shape, a Kafka producer, then the
 * services' single POST (closed loop and fixed rates), 1000-item batches, POST → alert latency on the
 * {@code alerts} topic, startup time and idle RSS. Prints a Markdown report and writes it to the
 * file given as first argument. Run by {@code deploy/local/stack bench} against the e2e stack.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = Path.of(System.getProperty("bench.repository", ".")).toAbsolutePath().normalize();
    /** The stack's folder of logs and pids (deploy/local/stack passes its own). */
    private static final Path STACK_VAR = REPOSITORY.resolve(System.getProperty("bench.stack-var", "deploy/local/var/e2e"));
    private static final String OBSERVATIONS = System.getProperty("bench.observation-url", "http://127.0.0.1:18081");
    private static final String KAFKA = System.getProperty("bench.kafka", "127.0.0.1:19092");
    private static final String JDBC = System.getProperty("bench.jdbc",
            "jdbc:postgresql://127.0.0.1:15432/biodiversity_observation_e2e");
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    /** Long enough for the JIT to finish with the intake path: a service runs for weeks, not seconds. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up-seconds", 60);

    private final StringBuilder report = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    private final String rangerToken;
    private final String stationToken;

    private Benchmark() {
        JwtMinter tokens = JwtMinter.localStack(REPOSITORY);
        rangerToken = tokens.token("ranger", "bench-ranger", null, Duration.ofHours(2));
        stationToken = tokens.token("station", "bench-station", null, Duration.ofHours(2));
    }

    public static void main(String[] args) throws Exception {
        Benchmark bench = new Benchmark();
        bench.run();
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), bench.report.toString());
        }
        System.exit(0);
    }

    private void run() throws Exception {
        line("# Benchmark run " + OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        line("");
        environment();
        Map<String, double[]> services = startupAndRss();

        line("## Raw baseline (same machine, same run)");
        line("");
        double rawSingle = rawSingleRowCommits();
        double rawBatch = rawBatchRows();
        double[] kafka = kafkaProducer();
        line("");

        line("## The services");
        line("");
        warmUp();
        // Every phase starts on a drained system: what one phase left in the outboxes and consumer
        // queues would otherwise be billed to the next.
        awaitDrained();
        double[] alert = alertLatency();
        awaitDrained();
        double[] closed = closedLoopSinglePost();
        List<double[]> fixed = new ArrayList<>();
        for (int rate : new int[] {250, 500, 1000}) {
            awaitDrained();
            fixed.add(fixedRateSinglePost(rate));
        }
        awaitDrained();
        double batch = batchUpload();
        awaitDrained();
        line("");

        double[] at1000 = fixed.get(2);
        line("## Against the targets");
        line("");
        line("| target | measured | met |");
        line("|---|---|---|");
        row("single POST ≥ 35 % of raw single-row commits/s", pct(closed[0] / rawSingle), closed[0] / rawSingle >= 0.35);
        row("p99 ≤ 25 ms at 1,000 req/s", ms(at1000[2]) + " (achieved " + fmt(at1000[0]) + " req/s)",
                at1000[2] <= 25 && at1000[0] >= 950);
        row("batch ≥ 35 % of raw batch rows/s", pct(batch / rawBatch), batch / rawBatch >= 0.35);
        row("alert latency p99 ≤ 1 s", ms(alert[1]), alert[1] <= 1000);
        for (Map.Entry<String, double[]> s : services.entrySet()) {
            row(s.getKey() + " starts in ≤ 3 s", fmt(s.getValue()[0]) + " s", s.getValue()[0] <= 3.0);
            row(s.getKey() + " idles under 300 MB RSS", fmt(s.getValue()[1]) + " MB", s.getValue()[1] < 300);
        }
        line("");
        line("Kafka producer baseline: " + fmt(kafka[0]) + " records/s (1 KB, acks=all), send→ack p50 "
                + ms(kafka[1]) + ", p99 " + ms(kafka[2]) + ".");
        System.out.println(report);
    }

    // ------------------------------------------------------------------ environment

    private void environment() throws IOException, InterruptedException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory
                + "; JDK " + System.getProperty("java.version") + "; load generator in the same machine.");
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery("show server_version")) {
            rs.next();
            line("PostgreSQL " + rs.getString(1) + " on the same machine (fsync on); Kafka 4.1.2 single KRaft node.");
        } catch (Exception e) {
            line("PostgreSQL version unknown: " + e.getMessage());
        }
        line("");
    }

    private Map<String, double[]> startupAndRss() throws IOException {
        Map<String, double[]> result = new java.util.LinkedHashMap<>();
        line("## Startup and idle memory");
        line("");
        line("| service | startup (s) | RSS idle (MB) |");
        line("|---|---|---|");
        Pattern started = Pattern.compile("started in ([0-9.]+)s");
        for (String service : List.of("observation-service", "sampling-plot-service", "alert-service")) {
            Path log = STACK_VAR.resolve("logs/" + service + ".log");
            double startup = -1;
            for (String l : Files.readAllLines(log)) {
                Matcher m = started.matcher(l);
                if (m.find()) {
                    startup = Double.parseDouble(m.group(1));
                }
            }
            String pid = Files.readString(STACK_VAR.resolve("pids/" + service + ".pid")).trim();
            double rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024.0).findFirst().orElse(-1.0);
            result.put(service, new double[] {startup, rss});
            line("| " + service + " | " + fmt(startup) + " | " + fmt(rss) + " |");
        }
        line("");
        return result;
    }

    // ------------------------------------------------------------------ raw baseline

    private static final String RAW_INSERT = "insert into bench_raw_observation (uuid, species_id, individual_count, observed_at,"
            + " observed_offset_s, recorded_at, lat, lon, accuracy_m, original_datum, original_lat, original_lon, county_code,"
            + " method, observer, source, status, content_hash) values (?, 1, 2, ?, 28800, now(), ?, ?, 8, 'WGS84', ?, ?,"
            + " '410811', 'SIGHTING', 'bench', 'RANGER', 'UNVERIFIED', ?)";

    private Connection connect() throws Exception {
        return DriverManager.getConnection(JDBC, "biodiversity", "biodiversity");
    }

    private void prepareRawTable() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_observation");
            // The same columns and indexes as the service's observation table.
            s.execute("create table bench_raw_observation (like observation including defaults including indexes)");
        }
    }

    private double rawSingleRowCommits() throws Exception {
        prepareRawTable();
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(RAW_INSERT)) {
                    while (System.nanoTime() < end) {
                        bindRaw(insert);
                        insert.executeUpdate(); // autocommit: one commit per row
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        double rate = commits.get() / (double) SECONDS;
        line("- PostgreSQL single-row insert, autocommit, " + CLIENTS + " connections: **" + fmt(rate) + " commits/s**");
        return rate;
    }

    private double rawBatchRows() throws Exception {
        int batches = 20;
        long start = System.nanoTime();
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(RAW_INSERT)) {
            c.setAutoCommit(false);
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < 1000; i++) {
                    bindRaw(insert);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            }
        }
        double rate = batches * 1000 / ((System.nanoTime() - start) / 1e9);
        line("- PostgreSQL 1000-row batch insert (JDBC batch, one transaction per batch): **" + fmt(rate) + " rows/s**");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table bench_raw_observation");
        }
        return rate;
    }

    private static void bindRaw(PreparedStatement insert) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double lat = 35 + random.nextDouble(0.3);
        double lon = 113 + random.nextDouble(0.3);
        insert.setObject(1, UUID.randomUUID());
        insert.setTimestamp(2, Timestamp.from(Instant.now().minusSeconds(600)));
        insert.setDouble(3, lat);
        insert.setDouble(4, lon);
        insert.setDouble(5, lat);
        insert.setDouble(6, lon);
        insert.setString(7, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
    }

    private double[] kafkaProducer() throws Exception {
        String topic = "bench.producer";
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 6, (short) 1))).all().get();
            }
        }
        String value = "x".repeat(1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer())) {
            int count = 50_000;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i % 64), value));
            }
            producer.flush();
            double rate = count / ((System.nanoTime() - start) / 1e9);
            double[] latencies = new double[2000];
            for (int i = 0; i < latencies.length; i++) {
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, Integer.toString(i % 64), value)).get();
                latencies[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(latencies);
            line("- Kafka producer, 1 KB records, acks=all, idempotent: **" + fmt(rate) + " records/s**; one at a time send→ack p50 "
                    + ms(percentile(latencies, 50)) + ", p99 " + ms(percentile(latencies, 99)));
            return new double[] {rate, percentile(latencies, 50), percentile(latencies, 99)};
        }
    }

    // ------------------------------------------------------------------ the services

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(OBSERVATIONS + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String sighting(String scientificName, String county, OffsetDateTime observedAt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"scientificName\":\"" + scientificName + "\",\"count\":"
                + (1 + random.nextInt(5)) + ",\"observedAt\":\"" + observedAt + "\",\"location\":{\"lat\":"
                + (35.0 + random.nextDouble(0.3)) + ",\"lon\":" + (113.0 + random.nextDouble(0.3))
                + ",\"accuracyM\":8},\"countyCode\":\"" + county + "\",\"method\":\"SIGHTING\",\"notes\":\"bench\"}";
    }

    private static String ordinarySighting() {
        return sighting("Ardea cinerea", "410811", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5));
    }

    /**
     * Waits until both outboxes are empty and every consumer group has read the observations topic
     * to its end, and reports how long the backlog took to drain.
     */
    private void awaitDrained() throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(3);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            while (System.nanoTime() < deadline) {
                if (outboxRows(JDBC) == 0 && outboxRows(JDBC.replace("biodiversity_observation", "biodiversity_alerts")) == 0
                        && consumerLag(admin) == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (seconds >= 1) {
                        line("- (backlog of the previous phase drained in " + fmt(seconds) + " s)");
                    }
                    return;
                }
                Thread.sleep(200); // polling an external system's state, not synchronising threads
            }
        }
        line("- (backlog of the previous phase not drained after 3 min)");
    }

    private static long outboxRows(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "biodiversity", "biodiversity");
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select count(*) from outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records of the observations topic not yet consumed by the services' consumer groups. */
    private static long consumerLag(org.apache.kafka.clients.admin.Admin admin) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.OBSERVATIONS)).allTopicNames().get()
                .get(Topics.OBSERVATIONS).partitions().stream().map(p -> new TopicPartition(Topics.OBSERVATIONS, p.partition()))
                .toList();
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get();
        long lag = 0;
        for (String group : List.of("alert-service", "sampling-plot-service")) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            for (TopicPartition p : partitions) {
                var offset = committed.get(p);
                lag += ends.get(p).offset() - (offset == null ? 0 : offset.offset());
            }
        }
        return lag;
    }

    private void warmUp() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    http.send(post("/observations", rangerToken, ordinarySighting()), HttpResponse.BodyHandlers.discarding());
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    private double[] closedLoopSinglePost() throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    HttpResponse<Void> response = http.send(post("/observations", rangerToken, ordinarySighting()),
                            HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - t) / 1e6);
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rate = sorted.length / (double) SECONDS;
        line("- Single `POST /observations`, closed loop, " + CLIENTS + " clients: **" + fmt(rate) + " req/s**, p50 "
                + ms(percentile(sorted, 50)) + ", p99 " + ms(percentile(sorted, 99)) + ", non-201: " + errors.get());
        return new double[] {rate, percentile(sorted, 50), percentile(sorted, 99)};
    }

    /** Open loop: requests start on schedule whatever the answers do; latency counts from the schedule. */
    private double[] fixedRateSinglePost(int rate) throws Exception {
        int total = rate * SECONDS;
        double[] latencies = new double[total];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            int index = i;
            long intended = start + i * intervalNanos;
            scheduler.schedule(() -> http.sendAsync(post("/observations", rangerToken, ordinarySighting()),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[index] = (System.nanoTime() - intended) / 1e6;
                        if (failure != null || response.statusCode() != 201) {
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    }), intended - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(SECONDS + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        scheduler.shutdown();
        Arrays.sort(latencies);
        double achieved = total / Math.max(elapsed, SECONDS);
        line("- Single `POST /observations` at a fixed " + rate + " req/s for " + SECONDS + " s: achieved " + fmt(achieved)
                + " req/s, p50 " + ms(percentile(latencies, 50)) + ", p99 " + ms(percentile(latencies, 99))
                + ", errors " + errors.get());
        return new double[] {achieved, percentile(latencies, 50), percentile(latencies, 99)};
    }

    private double batchUpload() throws Exception {
        int batches = 20;
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 1000; i++) {
                body.append(i == 0 ? "" : ",").append(ordinarySighting());
            }
            bodies.add(body.append("]}").toString());
        }
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> uploads = new ArrayList<>();
        for (String body : bodies) {
            uploads.add(CompletableFuture.runAsync(() -> {
                try {
                    HttpResponse<String> response = http.send(post("/observations/batch", stationToken, body),
                            HttpResponse.BodyHandlers.ofString());
                    accepted.addAndGet(JSON.readTree(response.body()).path("accepted").asInt());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
        double rate = accepted.get() / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        line("- `POST /observations/batch`, 1000-item batches, 2 stations at once: **" + fmt(rate) + " observations/s** ("
                + accepted.get() + " accepted)");
        return rate;
    }

    /**
     * Invasive sightings in one county, one every 100 ms, each with a later observedAt: every alert
     * event then names the newest sighting as lastObservedAt, which identifies it.
     */
    private double[] alertLatency() throws Exception {
        int count = 100;
        Map<Instant, Long> posted = new ConcurrentHashMap<>();
        Map<Instant, Long> alerted = new ConcurrentHashMap<>();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, Topics.ISOLATION_LEVEL),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            for (int i = 0; i < count; i++) {
                OffsetDateTime observedAt = base.plusSeconds(i);
                scheduler.schedule(() -> {
                    posted.put(observedAt.toInstant(), System.nanoTime());
                    return http.send(post("/observations", rangerToken, sighting("Pomacea canaliculata", "410804", observedAt)),
                            HttpResponse.BodyHandlers.discarding());
                }, i * 100L, TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(count / 10 + 30);
            while (alerted.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    JsonNode data = JSON.readTree(record.value()).path("data");
                    if ("410804".equals(data.path("countyCode").asText()) && data.hasNonNull("lastObservedAt")) {
                        alerted.putIfAbsent(OffsetDateTime.parse(data.get("lastObservedAt").asText()).toInstant(), now);
                    }
                }
            }
            scheduler.shutdown();
        }
        double[] latencies = posted.entrySet().stream().filter(e -> alerted.containsKey(e.getKey()))
                .mapToDouble(e -> (alerted.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
        line("- `POST /observations` → event on `alerts` (" + latencies.length + " of " + count + " seen): p50 "
                + ms(percentile(latencies, 50)) + ", p99 " + ms(percentile(latencies, 99)));
        return new double[] {percentile(latencies, 50), latencies.length == count ? percentile(latencies, 99) : Double.MAX_VALUE};
    }

    // ------------------------------------------------------------------ formatting

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.err.println(text);
    }

    private void row(String target, String measured, boolean met) {
        line("| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }
}
