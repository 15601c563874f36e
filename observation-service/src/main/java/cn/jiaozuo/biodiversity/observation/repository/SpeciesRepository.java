package cn.jiaozuo.biodiversity.observation.repository;

import cn.jiaozuo.biodiversity.observation.domain.Species;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Species writes and duplicate checks; reads go through the in-memory SpeciesCatalog. */
@ApplicationScoped
public class SpeciesRepository implements PanacheRepositoryBase<Species, Long> {

    /** Species other than {@code exceptId} that share the id, scientific name or Chinese name. */
    public List<Species> clashes(Long id, String scientificName, String chineseName, Long exceptId) {
        return getEntityManager().createQuery("from Species s where (s.id = :id or lower(s.scientificName) = lower(:sci)"
                + " or s.chineseName = :zh) and s.id <> :except", Species.class)
                .setParameter("id", id == null ? -1L : id)
                .setParameter("sci", scientificName)
                .setParameter("zh", chineseName)
                .setParameter("except", exceptId == null ? -1L : exceptId)
                .getResultList();
    }

    public long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('species_id_seq')").getSingleResult()).longValue();
    }
}
