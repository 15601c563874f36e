package cn.jiaozuo.biodiversity.plot.api;

import cn.jiaozuo.biodiversity.common.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Objects;

/** Who made a change, as recorded with it: the token's subject. */
final class Actor {

    private Actor() {
    }

    static String of(SecurityIdentity identity) {
        return Objects.requireNonNullElse(Caller.of(identity).subject(), "unknown");
    }
}
