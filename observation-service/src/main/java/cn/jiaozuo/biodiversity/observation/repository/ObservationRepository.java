package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.domain.ListPosition;
import cn.jiaozuo.biodiversity.observation.domain.MediaRef;
import cn.jiaozuo.biodiversity.observation.domain.NewObservation;
import cn.jiaozuo.biodiversity.observation.domain.Observation;
import cn.jiaozuo.biodiversity.observation.domain.ObservationFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Observation storage. Single records are read and reviewed through Panache; intake (one multi-row insert with
 * {@code on conflict do nothing}, the lookup of the uuids a batch sends) and the filtered keyset pages go through the
 * JDBC path with the table's one row mapper and filter compilation ({@link ObservationRows}), which the exports
 * share.
 */
@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, UUID> {

    private static final TypeReference<List<MediaRef>> MEDIA_LIST = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public ObservationRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a replay is compared with. */
    public record Stored(UUID uuid, String observer, String contentHash) {
    }

    /**
     * Inserts with one statement ({@link ObservationRows#INSERT}); returns per row whether it was new (false: the uuid
     * existed, or came earlier in {@code rows}).
     */
    public boolean[] insertAll(List<NewObservation> rows) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        List<Observation> stored = rows.stream().map(o -> Observation.of(o, o.media().isEmpty() ? null : mediaJson(o.media())))
                .toList();
        Set<UUID> created = new HashSet<>(jdbc.list(ObservationRows.INSERT, ObservationRows.insertParams(stored),
                rs -> rs.getObject(1, UUID.class)));
        for (int i = 0; i < inserted.length; i++) {
            inserted[i] = created.remove(rows.get(i).uuid()); // a uuid twice in rows: its first row was the one inserted
        }
        return inserted;
    }

    /** The stored rows among {@code uuids}, found with one query. */
    public Map<UUID, Stored> findStored(Collection<UUID> uuids) {
        if (uuids.isEmpty()) {
            return Map.of();
        }
        return jdbc.list("select uuid, observer, content_hash from observation where uuid = any (?)",
                        List.of(new Jdbc.SqlArray("uuid", uuids.toArray())),
                        rs -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .stream().collect(Collectors.toMap(Stored::uuid, Function.identity()));
    }

    /** For a review: the row locked, so concurrent reviews apply (and publish) one after the other. */
    public Observation findForUpdate(UUID uuid) {
        return findById(uuid, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first; up to {@code limit} rows strictly after {@code after} (null: from the newest). Unmanaged. */
    public List<Observation> list(ObservationFilter filter, ListPosition after, int limit) {
        ObservationRows.Where where = ObservationRows.where(filter, after);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return jdbc.list(ObservationRows.SELECT + where.sql() + ObservationRows.NEWEST_FIRST + " limit ?", params,
                ObservationRows::read);
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
