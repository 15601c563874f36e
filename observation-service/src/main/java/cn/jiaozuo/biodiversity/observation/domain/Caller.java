package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token subject (null when anonymous) and its roles. */
public record Caller(String subject, Set<String> roles) {

    /** No token: the public. What it sees is what leaves the system (the Darwin Core Archive, {@code observations.public}). */
    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
        return new Caller(subject, Set.copyOf(identity.getRoles()));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Stations upload as STATION; everyone else allowed to record (rangers) as RANGER. */
    public ObservationSource source() {
        return has(Roles.STATION) && !has(Roles.RANGER) ? ObservationSource.STATION : ObservationSource.RANGER;
    }

    /** Whether this caller sees the exact point of a sensitive species recorded by {@code observer}. */
    public boolean seesExactPointOf(String observer) {
        return seesAllExactPoints() || (subject != null && subject.equals(observer));
    }

    /** Reviewers and admins see the exact point (and plot and station) of every record. */
    public boolean seesAllExactPoints() {
        return has(Roles.REVIEWER) || has(Roles.ADMIN);
    }
}
