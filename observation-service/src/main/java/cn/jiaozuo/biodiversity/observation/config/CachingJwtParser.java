package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens already verified, keyed by the whole token string (signature included),
 * so a ranger's or station's token is checked once, not on every post: RS256 verification is the
 * largest CPU cost of a single intake request. A cached token is served only while its own
 * {@code exp} lies ahead (never the verifier's clock-skew grace), so caching never extends a
 * token's life; anything not in the cache goes through the normal verification.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    /** Tokens kept at most; the cache is simply emptied when full (tokens are cheap to re-verify). */
    static final int MAX_TOKENS = 10_000;

    private final DefaultJWTParser delegate;
    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    public CachingJwtParser(DefaultJWTParser delegate) {
        this.delegate = delegate;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long nowSeconds = System.currentTimeMillis() / 1000;
        JsonWebToken cached = verified.get(token);
        if (cached != null) {
            if (cached.getExpirationTime() > nowSeconds) {
                return cached;
            }
            verified.remove(token);
        }
        JsonWebToken parsed = delegate.parse(token);
        if (parsed.getExpirationTime() > nowSeconds) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, parsed);
        }
        return parsed;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
