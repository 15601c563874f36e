package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AnimalGroup;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The filters and page of GET /mortality-reports; null = no filter. */
public record MortalityReportSearch(String countyCode, AnimalGroup group, Long speciesId, UUID clusterAlertId,
        OffsetDateTime from, OffsetDateTime to, Instant afterRecordedAt, UUID afterId, int limit) {
}
