package cn.jiaozuo.biodiversity.patrol.domain;

import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;

/**
 * Who sees a patrol's track, incidents, waypoints and notes: a track is a map of where rangers are and where the
 * animals are. Reviewers, bureau staff and admins see every patrol in full; a ranger sees the patrols they recorded
 * or were on; everyone else allowed to read patrols sees the summary (county, times, mandate, effort).
 */
public final class PatrolAccess {

    private PatrolAccess() {
    }

    public static boolean mayReadDetails(Patrol patrol, Caller caller) {
        if (caller.hasAny(Roles.REVIEWER, Roles.BUREAU, Roles.ADMIN)) {
            return true;
        }
        return caller.subject() != null && (caller.subject().equals(patrol.recordedBy) || patrol.team.contains(caller.subject()));
    }
}
