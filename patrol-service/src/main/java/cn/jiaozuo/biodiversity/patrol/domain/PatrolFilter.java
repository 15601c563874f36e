package cn.jiaozuo.biodiversity.patrol.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What GET /patrols asks for; null fields do not filter. {@code from}/{@code to} bound startedAt ([from, to));
 * {@code ranger} is a team member or the ranger who recorded the patrol. {@code afterStartedAt}/{@code afterUuid}:
 * the last patrol of the previous page (newest first).
 */
public record PatrolFilter(String countyCode, String ranger, Mandate mandate, Instant from, Instant to,
        Instant afterStartedAt, UUID afterUuid) {
}
