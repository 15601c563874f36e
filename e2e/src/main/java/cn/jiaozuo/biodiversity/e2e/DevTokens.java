package cn.jiaozuo.biodiversity.e2e;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Tokens the local and e2e stacks accept: RS256, signed with the dev key under deploy/local/keys. Bureau
 * tokens name the organisation {@link #DEFAULT_ORG} (claim {@code org}), as {@code deploy/local/stack token} does.
 */
public final class DevTokens {

    public static final String ISSUER = "https://local.jiaozuo-biodiversity";
    /** The {@code org} claim of bureau tokens: alert-service's subscriptions belong to an organisation. */
    public static final String DEFAULT_ORG = "forestry-bureau";

    private final PrivateKey key;

    public DevTokens(Path repository) {
        try {
            String pem = Files.readString(repository.resolve("deploy/local/keys/jwt-private.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("The local dev key is missing under " + repository + "/deploy/local/keys", e);
        }
    }

    public String token(String role, String subject) {
        return token(role, subject, "bureau".equals(role) ? DEFAULT_ORG : null);
    }

    /** A token with this {@code org} claim, or none when null. */
    public String token(String role, String subject, String org) {
        return token(role, subject, org, Duration.ofHours(2));
    }

    /** A token that expires {@code life} from now. */
    public String token(String role, String subject, String org, Duration life) {
        var claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(life);
        if (org != null) {
            claims.claim("org", org);
        }
        return claims.jws().keyId("local-dev").sign(key);
    }

    /** A token signed by the dev key whose {@code exp} lies {@code ago} in the past (the services allow 5 s of skew). */
    public String expiredToken(String role, String subject, Duration ago) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).issuedAt(now - 3600)
                .expiresAt(now - ago.toSeconds()).jws().keyId("local-dev").sign(key);
    }
}
