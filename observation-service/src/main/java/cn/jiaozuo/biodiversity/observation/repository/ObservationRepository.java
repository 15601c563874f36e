package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.domain.MediaRef;
import cn.jiaozuo.biodiversity.observation.domain.NewObservation;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.ObservationMethod;
import cn.jiaozuo.biodiversity.observation.domain.ObservationStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Observation storage. Inserts are plain JDBC batches with {@code on conflict do nothing}: the
 * uuid key decides replays without a read before each insert, and concurrent duplicates wait for
 * each other in PostgreSQL instead of failing with a unique violation.
 */
@ApplicationScoped
public class ObservationRepository {

    private static final String INSERT = "insert into observation (uuid, species_id, individual_count, observed_at,"
            + " observed_offset_s, recorded_at, lat, lon, accuracy_m, original_datum, original_lat, original_lon,"
            + " county_code, plot_code, method, station_id, notes, media_json, observer, source, status, content_hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (uuid) do nothing";
    private static final TypeReference<List<MediaRef>> MEDIA_LIST = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public ObservationRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** What a replay is compared with. */
    public record Stored(UUID uuid, String observer, String contentHash) {
    }

    /** Inserts in one JDBC batch; returns per row whether it was new (false: the uuid existed). */
    public boolean[] insertAll(List<NewObservation> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (NewObservation o : rows) {
                    insert.setObject(1, o.uuid());
                    insert.setLong(2, o.species().id());
                    insert.setInt(3, o.count());
                    insert.setTimestamp(4, Timestamp.from(o.observedAt().toInstant()));
                    insert.setInt(5, o.observedAt().getOffset().getTotalSeconds());
                    insert.setTimestamp(6, Timestamp.from(o.recordedAt()));
                    insert.setDouble(7, o.lat());
                    insert.setDouble(8, o.lon());
                    if (o.accuracyM() == null) {
                        insert.setNull(9, Types.DOUBLE);
                    } else {
                        insert.setDouble(9, o.accuracyM());
                    }
                    insert.setString(10, o.originalDatum().name());
                    insert.setDouble(11, o.originalLat());
                    insert.setDouble(12, o.originalLon());
                    insert.setString(13, o.countyCode());
                    insert.setString(14, o.plotCode());
                    insert.setString(15, o.method().name());
                    insert.setString(16, o.stationId());
                    insert.setString(17, o.notes());
                    insert.setString(18, o.media().isEmpty() ? null : mediaJson(o.media()));
                    insert.setString(19, o.observer());
                    insert.setString(20, o.source().name());
                    insert.setString(21, ObservationStatus.UNVERIFIED.name());
                    insert.setString(22, o.contentHash());
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    inserted[i] = counts[i] == 1;
                }
            }
        });
        return inserted;
    }

    /** The stored rows among {@code uuids}, found with one query. */
    public Map<UUID, Stored> findStored(Collection<UUID> uuids) {
        Map<UUID, Stored> found = new HashMap<>();
        if (uuids.isEmpty()) {
            return found;
        }
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("uuid", uuids.toArray());
            try (PreparedStatement select = connection.prepareStatement(
                    "select uuid, observer, content_hash from observation where uuid = any (?)")) {
                select.setArray(1, array);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID uuid = rs.getObject(1, UUID.class);
                        found.put(uuid, new Stored(uuid, rs.getString(2), rs.getString(3)));
                    }
                }
            } finally {
                array.free();
            }
        });
        return found;
    }

    /** The row just inserted for {@code o}, as an unmanaged entity. */
    public Observation asStored(NewObservation o) {
        Observation row = new Observation();
        row.uuid = o.uuid();
        row.speciesId = o.species().id();
        row.count = o.count();
        row.observedAt = o.observedAt().toInstant();
        row.observedOffsetSeconds = o.observedAt().getOffset().getTotalSeconds();
        row.recordedAt = o.recordedAt();
        row.lat = o.lat();
        row.lon = o.lon();
        row.accuracyM = o.accuracyM();
        row.originalDatum = o.originalDatum();
        row.originalLat = o.originalLat();
        row.originalLon = o.originalLon();
        row.countyCode = o.countyCode();
        row.plotCode = o.plotCode();
        row.method = o.method();
        row.stationId = o.stationId();
        row.notes = o.notes();
        row.mediaJson = o.media().isEmpty() ? null : mediaJson(o.media());
        row.observer = o.observer();
        row.source = o.source();
        row.status = ObservationStatus.UNVERIFIED;
        row.contentHash = o.contentHash();
        return row;
    }

    public Observation find(UUID uuid) {
        return em.find(Observation.class, uuid);
    }

    /** For a review: the row locked, so concurrent reviews apply (and publish) one after the other. */
    public Observation findForUpdate(UUID uuid) {
        return em.find(Observation.class, uuid, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Filters of a list; null means "any". {@code concealed}, when set, leaves out records this caller gets
     * generalized (see {@link Concealed}).
     */
    public record Filter(Long speciesId, String countyCode, String plotCode, Instant from, Instant to, String status,
            String observer, String method, Concealed concealed) {

        public Filter(Long speciesId, String countyCode, String plotCode, Instant from, Instant to, String status,
                String observer, String method) {
            this(speciesId, countyCode, plotCode, from, to, status, observer, method, null);
        }

        public Filter concealing(Concealed concealed) {
            return new Filter(speciesId, countyCode, plotCode, from, to, status, observer, method, concealed);
        }
    }

    /**
     * Records to leave out: those of {@code speciesIds} (the sensitive ones) unless recorded by {@code exceptObserver}
     * (the caller; null when anonymous) — all of them, or with {@code recordedSince} only those recorded since then
     * (not released yet, see {@code Disclosure#releasedBefore}). {@code speciesIds} is never empty.
     */
    public record Concealed(Set<Long> speciesIds, String exceptObserver, Instant recordedSince) {

        public Concealed(Set<Long> speciesIds, String exceptObserver) {
            this(speciesIds, exceptObserver, null);
        }
    }

    /**
     * Keyset position: rows strictly after (listedAt, listedKey) in newest-first order. The listed position is
     * (observedAt, uuid) for ordinary records and (start of the day in China, random key) for sensitive species, so a
     * page, its order and its cursor tell no more than what {@code Disclosure} shows (V4__disclosure.sql).
     */
    public record Position(Instant listedAt, UUID listedKey) {
    }

    /** Newest first; up to {@code limit} rows after {@code after}. */
    public List<Observation> list(Filter filter, Position after, int limit) {
        StringBuilder where = new StringBuilder("from Observation o where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        condition(where, params, filter.speciesId(), "o.speciesId = :speciesId", "speciesId");
        condition(where, params, filter.countyCode(), "o.countyCode = :countyCode", "countyCode");
        condition(where, params, filter.plotCode(), "o.plotCode = :plotCode", "plotCode");
        // Time filters compare the listed time: a sensitive species' record by its day (Disclosure).
        condition(where, params, filter.from(), "o.listedAt >= :from", "from");
        condition(where, params, filter.to(), "o.listedAt < :to", "to");
        condition(where, params, filter.status() == null ? null
                : ObservationStatus.valueOf(filter.status()), "o.status = :status", "status");
        condition(where, params, filter.observer(), "o.observer = :observer", "observer");
        condition(where, params, filter.method() == null ? null
                : ObservationMethod.valueOf(filter.method()), "o.method = :method", "method");
        if (filter.concealed() != null) {
            Concealed concealed = filter.concealed();
            where.append(" and (o.speciesId not in :concealedSpecies");
            params.put("concealedSpecies", concealed.speciesIds());
            if (concealed.exceptObserver() != null) {
                where.append(" or o.observer = :concealedExcept");
                params.put("concealedExcept", concealed.exceptObserver());
            }
            if (concealed.recordedSince() != null) {
                where.append(" or o.recordedAt < :concealedSince");
                params.put("concealedSince", concealed.recordedSince());
            }
            where.append(")");
        }
        if (after != null) {
            // A row-value comparison, so PostgreSQL walks the (…, listed_at desc, listed_key desc) index from the cursor.
            where.append(" and (o.listedAt, o.listedKey) < (:afterAt, :afterKey)");
            params.put("afterAt", after.listedAt());
            params.put("afterKey", after.listedKey());
        }
        where.append(" order by o.listedAt desc, o.listedKey desc");
        TypedQuery<Observation> query = em.createQuery(where.toString(), Observation.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null) {
            where.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    public List<MediaRef> media(Observation o) {
        if (o.mediaJson == null) {
            return List.of();
        }
        try {
            return json.readValue(o.mediaJson, MEDIA_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored media of " + o.uuid + " unreadable", e);
        }
    }

    private String mediaJson(List<MediaRef> media) {
        try {
            return json.writeValueAsString(new ArrayList<>(media));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
