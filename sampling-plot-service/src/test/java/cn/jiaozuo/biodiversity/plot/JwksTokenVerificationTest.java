package cn.jiaozuo.biodiversity.plot;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.InfrastructureTestResource;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Production verifies tokens against the identity provider's JWKS URL (JWT_PUBLIC_KEY_LOCATION in the
 * k8s ConfigMap), not a PEM file: the same configuration key, served here over HTTP by a local server.
 * All three services share this security configuration, so one module proves it.
 */
@QuarkusTest
@TestProfile(JwksTokenVerificationTest.JwksProfile.class)
class JwksTokenVerificationTest {

    @Test
    void a_token_signed_by_a_key_of_the_jwks_is_accepted() {
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).when().get("/plots").then().statusCode(200);
        assertTrue(JwksServer.REQUESTS.get() > 0, "the key came from the JWKS URL");
    }

    @Test
    void a_token_signed_by_a_key_outside_the_jwks_is_rejected() {
        given().header("Authorization", "Bearer " + TestTokens.foreignToken(Roles.RANGER)).when().get("/plots").then()
                .statusCode(401).contentType("application/problem+json");
    }

    public static class JwksProfile implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true; // JwksServer wraps the module's infrastructure and replaces only the key location
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwksServer.class));
        }
    }

    /** The module's database and broker, plus an HTTP server that publishes the test public key as a JWKS. */
    public static class JwksServer implements QuarkusTestResourceLifecycleManager {
        static final AtomicInteger REQUESTS = new AtomicInteger();
        static String url;
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            InfrastructureTestResource infrastructure = new InfrastructureTestResource();
            infrastructure.init(Map.of("database", "plots"));
            Map<String, String> config = new HashMap<>(infrastructure.start());
            byte[] jwks = jwks().getBytes(StandardCharsets.UTF_8);
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/realms/biodiversity/protocol/openid-connect/certs", exchange -> {
                REQUESTS.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            url = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/biodiversity/protocol/openid-connect/certs";
            config.put("mp.jwt.verify.publickey.location", url);
            return config;
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }

        /** The test public key (kid "test", as TestTokens signs) in JWKS form. */
        private static String jwks() {
            try (InputStream in = JwksServer.class.getClassLoader().getResourceAsStream(TestTokens.PUBLIC_KEY_LOCATION)) {
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
                return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"test\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                        + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String base64Url(BigInteger value) {
            byte[] bytes = value.toByteArray();
            if (bytes[0] == 0 && bytes.length > 1) {
                bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned big-endian, as RFC 7518 wants
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
