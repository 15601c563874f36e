package cn.jiaozuo.biodiversity.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Signed RS256 tokens for tests, from a test-only key pair (not the local stack's dev key).
 * {@code token("ranger")} has subject {@code ranger-test}; pass a subject to act as a given person.
 * Bureau tokens name the organisation {@link #DEFAULT_ORG} (claim {@code org}) unless a test names another.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test.jiaozuo-biodiversity";
    public static final String PUBLIC_KEY_LOCATION = "test-jwt/public.pem";
    /** The {@code org} claim of bureau tokens: alert-service's subscriptions belong to an organisation. */
    public static final String DEFAULT_ORG = "forestry-bureau";
    private static final PrivateKey PRIVATE_KEY = loadPrivateKey();

    private TestTokens() {
    }

    public static String token(String role) {
        return token(role, role + "-test");
    }

    public static String token(String role, String subject) {
        return token(role, subject, "bureau".equals(role) ? DEFAULT_ORG : null, Duration.ofHours(1));
    }

    /** A token with this {@code org} claim (none when null) that expires {@code life} from now. */
    public static String token(String role, String subject, String org, Duration life) {
        var claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(life);
        if (org != null) {
            claims.claim("org", org);
        }
        return claims.jws().keyId("test").sign(PRIVATE_KEY);
    }

    /** A token signed by the trusted key whose {@code exp} lies {@code ago} in the past. */
    public static String expiredToken(String role, Duration ago) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(role + "-test").upn(role + "-test").groups(Set.of(role))
                .issuedAt(now - 3600).expiresAt(now - ago.toSeconds()).jws().keyId("test").sign(PRIVATE_KEY);
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
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).subject("intruder").groups(Set.of(role)).expiresIn(Duration.ofHours(1))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey loadPrivateKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("test-jwt/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
