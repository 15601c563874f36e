package cn.jiaozuo.biodiversity.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Signed RS256 tokens for module tests, from a test-only key pair (not the local stack's dev key), made by
 * the project's one minter, {@link JwtMinter}. {@code token("ranger")} has subject {@code ranger-test}; pass a
 * subject to act as a given person. Bureau tokens name the organisation {@link #DEFAULT_ORG} (claim
 * {@code org}) unless a test names another.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test.jiaozuo-biodiversity";
    public static final String PUBLIC_KEY_LOCATION = "test-jwt/public.pem";
    /** The {@code org} claim of bureau tokens: alert-service's subscriptions belong to an organisation. */
    public static final String DEFAULT_ORG = JwtMinter.DEFAULT_ORG;
    private static final JwtMinter MINTER = new JwtMinter(ISSUER, "test", JwtMinter.privateKey(resource("test-jwt/private.pem")));

    private TestTokens() {
    }

    public static String token(String role) {
        return token(role, role + "-test");
    }

    public static String token(String role, String subject) {
        return token(role, subject, JwtMinter.defaultOrg(role), Duration.ofHours(1));
    }

    /** A token with this {@code org} claim (none when null) that expires {@code life} from now. */
    public static String token(String role, String subject, String org, Duration life) {
        return MINTER.token(role, subject, org, life);
    }

    /** A token holding several roles (an admin who also uploads as a station), valid for an hour. */
    public static String multiRoleToken(String subject, String... roles) {
        Instant now = Instant.now();
        return MINTER.token(subject, Set.of(roles), null, now, now.plus(Duration.ofHours(1)));
    }

    /** A token signed by the trusted key whose {@code exp} lies {@code ago} in the past. */
    public static String expiredToken(String role, Duration ago) {
        Instant now = Instant.now();
        return MINTER.token(role + "-test", Set.of(role), null, now.minusSeconds(3600), now.minus(ago));
    }

    /** {@code Authorization} header value. */
    public static String bearer(String role) {
        return "Bearer " + token(role);
    }

    public static String bearer(String role, String subject) {
        return "Bearer " + token(role, subject);
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String foreignToken(String role) {
        return JwtMinter.untrusted(ISSUER).token(role, "intruder", null, Duration.ofHours(1));
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
