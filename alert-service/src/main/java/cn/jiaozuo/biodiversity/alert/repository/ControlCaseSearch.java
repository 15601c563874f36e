package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.ControlCaseStatus;
import java.time.Instant;
import java.util.UUID;

/** Filters of GET /control-cases (null = any) and the keyset position (openedAt, id) of the previous page's last row. */
public record ControlCaseSearch(String countyCode, Long speciesId, ControlCaseStatus status, Instant afterOpenedAt,
        UUID afterId, int limit) {
}
