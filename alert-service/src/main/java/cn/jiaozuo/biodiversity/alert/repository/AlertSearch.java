package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AlertStatus;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import cn.jiaozuo.biodiversity.alert.domain.Severity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Criteria of an alert listing; null means "any". {@code from}/{@code to} select alerts whose
 * observed period overlaps [from, to). {@code after*} is the keyset position of the last row seen.
 */
public record AlertSearch(AlertStatus status, Severity severity, String countyCode, Long speciesId, RuleCode rule,
        OffsetDateTime from, OffsetDateTime to, Instant afterCreatedAt, UUID afterId, int limit) {
}
