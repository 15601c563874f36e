package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AnimalGroup;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The filters and page of GET /mortality-reports; null = no filter. {@code generalizedExceptFor}: the subject of a
 * caller shown sensitive reports generalized (all but its own); null for callers who see every report exactly.
 */
public record MortalityReportSearch(String countyCode, AnimalGroup group, Long speciesId, UUID clusterAlertId,
        OffsetDateTime from, OffsetDateTime to, String generalizedExceptFor, Instant afterListedAt, UUID afterPublicId,
        int limit) {
}
