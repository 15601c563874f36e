package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.observation.domain.Species;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Species writes and duplicate checks through Panache. The in-memory SpeciesCatalog is loaded through the JDBC path
 * ({@link #snapshots}): it loads at startup and, on a miss, from any thread (an export stream too), where a Hibernate
 * session would need a transaction or a request context.
 */
@ApplicationScoped
public class SpeciesRepository implements PanacheRepositoryBase<Species, Long> {

    private final Jdbc jdbc;

    public SpeciesRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Species other than {@code exceptId} that share the id, scientific name or Chinese name. */
    public List<Species> clashes(Long id, String scientificName, String chineseName, Long exceptId) {
        return list("(id = :id or lower(scientificName) = lower(:sci) or chineseName = :zh) and id <> :except",
                Parameters.with("id", id == null ? -1L : id).and("sci", scientificName).and("zh", chineseName)
                        .and("except", exceptId == null ? -1L : exceptId));
    }

    /** The next id of species added without one (from 1000 up, V1). */
    public long nextId() {
        return jdbc.one("select nextval('species_id_seq')", List.of(), rs -> rs.getLong(1));
    }

    /** The whole catalog, in no particular order. */
    public List<SpeciesSnapshot> snapshots() {
        return jdbc.list("select id, scientific_name, chinese_name, english_name, species_group, protection_level, invasive,"
                + " sensitive from species", List.of(), rs -> new SpeciesSnapshot(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)));
    }
}
