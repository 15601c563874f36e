package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A validated observation ready to be inserted: WGS-84 point, county and plot resolved. */
public record NewObservation(
        UUID uuid,
        SpeciesSnapshot species,
        int count,
        OffsetDateTime observedAt,
        Instant recordedAt,
        double lat,
        double lon,
        Double accuracyM,
        Datum originalDatum,
        double originalLat,
        double originalLon,
        String countyCode,
        String plotCode,
        ObservationMethod method,
        String stationId,
        String notes,
        List<MediaRef> media,
        String observer,
        ObservationSource source,
        String contentHash) {
}
