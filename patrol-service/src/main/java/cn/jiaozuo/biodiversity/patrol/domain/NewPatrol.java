package cn.jiaozuo.biodiversity.patrol.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A patrol to record, as the client sent it: coordinates in {@code datum}, track points in file or request order.
 * Built from a JSON request or a GPX file; fields may be null where the request lacked them (the rules report those).
 *
 * @param uuid      the client's idempotency key; null for a GPX upload (the server makes one)
 * @param gpxSha256 hex SHA-256 of the uploaded file, the idempotency key of a GPX upload with the caller
 */
public record NewPatrol(UUID uuid, PatrolSource source, Mandate mandate, Transport transport, String countyCode,
        List<String> team, Instant startedAt, Instant endedAt, Datum datum, List<List<TrackPoint>> track, String notes,
        List<NewIncident> incidents, List<NewCandidate> candidates, String gpxSha256) {

    public Datum datumOrDefault() {
        return datum == null ? Datum.WGS84 : datum;
    }

    public int trackPointCount() {
        return track == null ? 0 : track.stream().mapToInt(List::size).sum();
    }

    /**
     * Fingerprint of everything the client sent (not the uuid, not the server's derivations), so a replay is told
     * from another patrol reusing the uuid or the file. Times count as instants: the same moment written with another
     * offset is the same patrol.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder(64 + trackPointCount() * 48);
        append(canonical, source, mandate, transport, countyCode, team, startedAt, endedAt, datumOrDefault(), notes, gpxSha256);
        if (track != null) {
            for (List<TrackPoint> line : track) {
                canonical.append('[');
                for (TrackPoint p : line) {
                    append(canonical, p.lat(), p.lon(), p.time());
                }
                canonical.append(']');
            }
        }
        if (incidents != null) {
            for (NewIncident i : incidents) {
                append(canonical, "incident", i.type(), i.actionTaken(), i.speciesId(), i.lat(), i.lon(), i.observedAt(),
                        i.count(), i.notes(), i.media());
            }
        }
        if (candidates != null) {
            for (NewCandidate c : candidates) {
                append(canonical, "candidate", c.name(), c.description(), c.symbol(), c.lat(), c.lon(), c.markedAt());
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Each value with its length, so that no two different field lists write the same text. */
    private static void append(StringBuilder canonical, Object... values) {
        for (Object value : values) {
            String text = String.valueOf(value);
            canonical.append(text.length()).append(':').append(text).append('|');
        }
    }
}
