package cn.jiaozuo.biodiversity.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read once per request from the verified token: the subject (null when anonymous), the roles of its
 * {@code groups} claim and its organisation (claim {@value #ORG_CLAIM}, null when absent or unusable). Resources take
 * it with {@code Caller.of(identity)} and pass it on; domain code decides with it and never reads tokens itself.
 */
public record Caller(String subject, Set<String> roles, String org) {

    /** The claim naming the caller's organisation (a bureau), which owns its webhook subscriptions. */
    public static final String ORG_CLAIM = "org";
    /** An org claim longer than this is treated as absent rather than stored. */
    public static final int MAX_ORG_LENGTH = 100;

    /** No token: the public. */
    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            return new Caller(subject, identity.getRoles(), org(jwt.getClaim(ORG_CLAIM)));
        }
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), null);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public Optional<String> organisation() {
        return Optional.ofNullable(org);
    }

    /** A non-blank string claim of reasonable length, stripped; anything else (a number, an array, 10 kB) is no org. */
    static String org(Object claim) {
        String org = claim instanceof JsonString text ? text.getString() : claim instanceof String text ? text : null;
        return org == null || org.isBlank() || org.length() > MAX_ORG_LENGTH ? null : org.strip();
    }
}
