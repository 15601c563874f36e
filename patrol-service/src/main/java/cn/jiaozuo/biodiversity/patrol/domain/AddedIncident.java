package cn.jiaozuo.biodiversity.patrol.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An incident added to a stored patrol, as the client sent it: its own {@code uuid} (the idempotency key, made by the
 * app when the ranger recorded it, offline perhaps) and the point in {@code datum}.
 */
public record AddedIncident(UUID uuid, NewIncident incident, Datum datum) {

    public Datum datumOrDefault() {
        return datum == null ? Datum.WGS84 : datum;
    }

    /** What was sent, with defaults applied: the same incident sent again is a replay, anything else a conflict. */
    public String contentHash() {
        NewIncident i = incident;
        StringBuilder canonical = new StringBuilder();
        for (Object value : new Object[] {i.type(), i.actionTaken() == null ? ActionTaken.NONE : i.actionTaken(), i.speciesId(),
                i.lat(), i.lon(), i.observedAt(), i.count() == null ? 1 : i.count(), i.notes(), i.media(), datumOrDefault()}) {
            String text = String.valueOf(value);
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
