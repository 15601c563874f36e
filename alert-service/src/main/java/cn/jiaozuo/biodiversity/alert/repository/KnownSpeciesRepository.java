package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code known_species}: species as observations showed them, so an incident that names only a species id
 * can be told sensitive or not. Written for every observation the consumer applies (each species' first in every
 * county is one, as is every observation of a sensitive or watched species); a row changes only when the flags or
 * names did.
 */
@ApplicationScoped
public class KnownSpeciesRepository {

    /** A species as the alert may name it. */
    public record KnownSpecies(long id, String scientificName, String chineseName, String group, boolean sensitive,
            String protectionLevel) {

        /** Protected for WILDLIFE_MORTALITY: national class I or II, or sensitive. */
        public boolean protectedSpecies() {
            return sensitive || "NATIONAL_I".equals(protectionLevel) || "NATIONAL_II".equals(protectionLevel);
        }
    }

    private final EntityManager em;

    public KnownSpeciesRepository(EntityManager em) {
        this.em = em;
    }

    public void learn(SpeciesSnapshot species) {
        em.createNativeQuery("insert into known_species (species_id, scientific_name, chinese_name, species_group, sensitive,"
                + " protection_level) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (species_id) do update set"
                + " scientific_name = excluded.scientific_name, chinese_name = excluded.chinese_name,"
                + " species_group = excluded.species_group, sensitive = excluded.sensitive,"
                + " protection_level = excluded.protection_level"
                + " where (known_species.scientific_name, known_species.chinese_name, known_species.species_group,"
                + " known_species.sensitive, known_species.protection_level) is distinct from (excluded.scientific_name,"
                + " excluded.chinese_name, excluded.species_group, excluded.sensitive, excluded.protection_level)")
                .setParameter(1, species.id()).setParameter(2, species.scientificName())
                .setParameter(3, species.chineseName()).setParameter(4, species.group())
                .setParameter(5, species.sensitive()).setParameter(6, species.protectionLevel()).executeUpdate();
    }

    public Optional<KnownSpecies> find(long speciesId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select species_id, scientific_name, chinese_name, species_group,"
                + " sensitive, protection_level from known_species where species_id = ?1").setParameter(1, speciesId).getResultList();
        return rows.stream().findFirst().map(r -> new KnownSpecies(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], (Boolean) r[4], (String) r[5]));
    }
}
