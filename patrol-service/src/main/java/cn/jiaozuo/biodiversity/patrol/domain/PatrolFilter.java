package cn.jiaozuo.biodiversity.patrol.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What GET /patrols asks for; null fields do not filter. {@code from}/{@code to} bound startedAt ([from, to));
 * {@code ranger} is a team member or the ranger who recorded the patrol; {@code plotCode}/{@code protectedAreaId}: the
 * track entered that plot or protected area (its effort splits). {@code afterStartedAt}/{@code afterUuid}: the last
 * patrol of the previous page (newest first).
 */
public record PatrolFilter(String countyCode, String ranger, Mandate mandate, String plotCode, String protectedAreaId,
        Instant from, Instant to, Instant afterStartedAt, UUID afterUuid) {
}
