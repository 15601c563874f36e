package cn.jiaozuo.biodiversity.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one JWT minter of the project: RS256 tokens with the claims the services read ({@code iss},
 * {@code sub}, {@code upn}, {@code groups}, {@code org} when given, {@code iat}, {@code exp}, {@code jti};
 * header {@code kid}). {@link TestTokens} signs with the module tests' key, the e2e suites and the
 * benchmark with the local stack's key ({@link #localStack}), and {@code deploy/local/stack token} runs
 * {@link #main} on the same key.
 *
 * <p>Only the JDK is used, in this one file, so the stack compiles just this file with {@code javac}: a fresh
 * checkout mints tokens without a Maven build.
 *
 * @param keyId the {@code kid} header, none when null
 */
public record JwtMinter(String issuer, String keyId, PrivateKey key) {

    /** The issuer the local and e2e stacks trust ({@code JWT_ISSUER} in deploy/local/stack). */
    public static final String LOCAL_ISSUER = "https://local.jiaozuo-biodiversity";
    /** The {@code kid} of the local stack's dev key. */
    public static final String LOCAL_KEY_ID = "local-dev";
    /** The {@code org} claim of bureau tokens unless another is named: alert-service's subscriptions belong to an organisation. */
    public static final String DEFAULT_ORG = "forestry-bureau";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Signs as the local and e2e stacks expect: their dev key under {@code deploy/local/keys}. */
    public static JwtMinter localStack(Path repository) {
        Path pem = repository.resolve("deploy/local/keys/jwt-private.pem");
        try {
            return new JwtMinter(LOCAL_ISSUER, LOCAL_KEY_ID, privateKey(Files.readString(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("The local dev key is missing: " + pem, e);
        }
    }

    /** Signs with a fresh key nobody trusts: a well-formed forgery. */
    public static JwtMinter untrusted(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new JwtMinter(issuer, null, generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /** The {@code org} of a token that names none: {@link #DEFAULT_ORG} for bureau, else none. */
    public static String defaultOrg(String role) {
        return "bureau".equals(role) ? DEFAULT_ORG : null;
    }

    /** A token for one role with this {@code org} (none when null), valid from now for {@code life}. */
    public String token(String role, String subject, String org, Duration life) {
        Instant now = Instant.now();
        return token(subject, Set.of(role), org, now, now.plus(life));
    }

    /** Any claims the services read: several roles, or {@code expiresAt} in the past. */
    public String token(String subject, Collection<String> groups, String org, Instant issuedAt, Instant expiresAt) {
        StringBuilder groupList = new StringBuilder();
        for (String group : groups) {
            groupList.append(groupList.length() == 0 ? "" : ",").append(json(group));
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"" + (keyId == null ? "" : ",\"kid\":" + json(keyId)) + "}";
        String payload = "{\"iss\":" + json(issuer) + ",\"sub\":" + json(subject) + ",\"upn\":" + json(subject)
                + ",\"groups\":[" + groupList + "]" + (org == null ? "" : ",\"org\":" + json(org))
                + ",\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signed = base64url(header) + "." + base64url(payload);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code deploy/local/stack token}: {@code ISSUER PRIVATE_KEY_PEM ROLE SUBJECT [ORG]} prints a token valid
     * for 24 hours (bureau: org {@link #DEFAULT_ORG} unless ORG is given).
     */
    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        if (arguments.size() < 4) {
            System.err.println("JwtMinter ISSUER PRIVATE_KEY_PEM ROLE SUBJECT [ORG]");
            System.exit(2);
        }
        String role = arguments.get(2);
        String org = arguments.size() > 4 && !arguments.get(4).isEmpty() ? arguments.get(4) : defaultOrg(role);
        JwtMinter minter = new JwtMinter(arguments.get(0), LOCAL_KEY_ID, privateKey(Files.readString(Path.of(arguments.get(1)))));
        System.out.println(minter.token(role, arguments.get(3), org, Duration.ofHours(24)));
    }
}
