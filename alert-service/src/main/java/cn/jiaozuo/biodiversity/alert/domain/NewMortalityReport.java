package cn.jiaozuo.biodiversity.alert.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A mortality report to record, as the resource has checked it (point in Jiaozuo, county valid, counts). */
public record NewMortalityReport(UUID id, Long speciesId, AnimalGroup group, int deadCount, int sickCount, double lat,
        double lon, Double accuracyM, String countyCode, OffsetDateTime observedAt, String symptoms, boolean samplesTaken,
        String stationId) {
}
