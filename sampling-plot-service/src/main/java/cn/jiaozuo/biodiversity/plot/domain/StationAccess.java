package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.security.Roles;
import java.util.Set;

/**
 * Who may read a station. Its point and {@code lastSeenAt} locate the uploads it made to the metre and
 * the microsecond, also those of sensitive species that observation-service shows others only as a 0.1°
 * cell: so only reviewers and admins (who see exact points anyway) and the station itself may read them.
 */
public final class StationAccess {

    private StationAccess() {
    }

    /** Reviewers and admins read every station. */
    public static boolean readsAll(Set<String> roles) {
        return roles.contains(Roles.REVIEWER) || roles.contains(Roles.ADMIN);
    }

    /** Whether a caller with these roles and token subject may read a station bound to {@code stationSubject}. */
    public static boolean mayRead(Set<String> roles, String callerSubject, String stationSubject) {
        return readsAll(roles) || (roles.contains(Roles.STATION) && callerSubject != null && callerSubject.equals(stationSubject));
    }
}
