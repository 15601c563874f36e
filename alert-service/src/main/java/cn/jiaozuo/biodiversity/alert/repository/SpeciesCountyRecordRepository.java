package cn.jiaozuo.biodiversity.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Table {@code species_county_record}: which species have been recorded in which county. */
@ApplicationScoped
public class SpeciesCountyRecordRepository {

    private final EntityManager em;

    public SpeciesCountyRecordRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the species in the county; true when this is its first record there. */
    public boolean recordFirst(long speciesId, String countyCode, UUID observationUuid, OffsetDateTime observedAt) {
        return em.createNativeQuery("insert into species_county_record (species_id, county_code, first_observation_uuid,"
                + " first_observed_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, speciesId).setParameter(2, countyCode).setParameter(3, observationUuid)
                .setParameter(4, observedAt).executeUpdate() == 1;
    }
}
