package cn.jiaozuo.biodiversity.e2e;

import cn.jiaozuo.biodiversity.testsupport.JwtMinter;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged system as the e2e suites see it: the stack started by
 * {@code STACK_INSTANCE=e2e deploy/local/stack up} (services on 18081–18085, Kafka on 19092, its own
 * PostgreSQL on 15432), tokens signed with the local dev key, and the stack command for faults.
 */
public final class E2eStack {

    public static final Path REPOSITORY = Path.of(System.getProperty("e2e.repository", "..")).toAbsolutePath().normalize();
    public static final String OBSERVATIONS = System.getProperty("e2e.observation-url", "http://127.0.0.1:18081");
    public static final String PLOTS = System.getProperty("e2e.plot-url", "http://127.0.0.1:18082");
    public static final String ALERTS = System.getProperty("e2e.alert-url", "http://127.0.0.1:18083");
    public static final String PATROLS = System.getProperty("e2e.patrol-url", "http://127.0.0.1:18084");
    public static final String BULLETINS = System.getProperty("e2e.bulletin-url", "http://127.0.0.1:18085");
    /** Every service's base URL, for the checks that hold for each of them (health, OpenAPI, roles, input). */
    public static final List<String> SERVICES = List.of(OBSERVATIONS, PLOTS, ALERTS, PATROLS, BULLETINS);
    public static final String KAFKA = System.getProperty("e2e.kafka", "127.0.0.1:19092");
    public static final String ISSUER = JwtMinter.LOCAL_ISSUER;

    private static final JwtMinter TOKENS = JwtMinter.localStack(REPOSITORY);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private E2eStack() {
    }

    public static String token(String role) {
        return token(role, role + "-e2e");
    }

    public static String token(String role, String subject) {
        return TOKENS.token(role, subject, JwtMinter.defaultOrg(role), java.time.Duration.ofHours(2));
    }

    /** A token with claim {@code org} (none when null) that expires {@code life} from now. */
    public static String token(String role, String subject, String org, java.time.Duration life) {
        return TOKENS.token(role, subject, org, life);
    }

    /** A token for {@code role} that expired {@code ago} ago. */
    public static String expiredToken(String role, java.time.Duration ago) {
        java.time.Instant now = java.time.Instant.now();
        return TOKENS.token(role + "-e2e", java.util.Set.of(role), null, now.minusSeconds(3600), now.minus(ago));
    }

    /** A well-formed token for {@code role} signed by a key the services have never seen. */
    public static String forgedToken(String role) {
        return JwtMinter.untrusted(ISSUER).token(role, "intruder", null, java.time.Duration.ofHours(1));
    }

    /** A request to {@code baseUrl} as {@code role} (null: anonymous), JSON in and out. */
    public static RequestSpecification as(String role, String baseUrl) {
        return as(role, role == null ? null : role + "-e2e", baseUrl);
    }

    /** A request to {@code baseUrl} as {@code role} with token subject {@code subject} (role null: anonymous). */
    public static RequestSpecification as(String role, String subject, String baseUrl) {
        RequestSpecBuilder spec = new RequestSpecBuilder().setBaseUri(baseUrl).setContentType(ContentType.JSON)
                .setAccept(ContentType.JSON);
        if (role != null) {
            spec.addHeader("Authorization", "Bearer " + token(role, subject));
        }
        return RestAssured.given().spec(spec.build());
    }

    /** Runs {@code deploy/local/stack ARGS} on the e2e instance; fails the test when it fails. */
    public static String stack(String... args) {
        List<String> command = new ArrayList<>();
        command.add(REPOSITORY.resolve("deploy/local/stack").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("STACK_INSTANCE", "e2e");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("stack " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pid the stack recorded for a component. */
    public static long pidOf(String component) {
        try {
            String offset = System.getenv("STACK_PORT_OFFSET"); // the stack's own var folder, as deploy/local/stack names it
            String var = offset == null || offset.isEmpty() ? "e2e" : "e2e-" + offset;
            return Long.parseLong(Files.readString(REPOSITORY.resolve("deploy/local/var/" + var + "/pids/" + component + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException("No pid for " + component, e);
        }
    }
}
