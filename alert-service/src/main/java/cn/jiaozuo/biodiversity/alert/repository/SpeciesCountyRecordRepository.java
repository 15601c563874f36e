package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.common.tx.AfterCommit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Table {@code species_county_record}: which species have been recorded in which county. Rows are only ever added,
 * so a pair known to be stored needs no statement again: the consumer writes for every observation of every species
 * (see the alert-service doc), and after the first of each pair this keeps that to no database work at all.
 */
@ApplicationScoped
public class SpeciesCountyRecordRepository {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /** Pairs committed as recorded ({@code speciesId:countyCode}); at most species × 10 counties. */
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    public SpeciesCountyRecordRepository(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Whether the pair is committed as recorded (known in memory): recording it again would change nothing. */
    public boolean isKnownRecorded(long speciesId, String countyCode) {
        return recorded.contains(speciesId + ":" + countyCode);
    }

    /** Records the species in the county; true when this is its first record there. */
    public boolean recordFirst(long speciesId, String countyCode, UUID observationUuid, OffsetDateTime observedAt) {
        String pair = speciesId + ":" + countyCode;
        if (recorded.contains(pair)) {
            return false;
        }
        // Known only once committed: a first record rolled back with its transaction is written again next time.
        AfterCommit.run(transactions, () -> recorded.add(pair));
        return em.createNativeQuery("insert into species_county_record (species_id, county_code, first_observation_uuid,"
                + " first_observed_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, speciesId).setParameter(2, countyCode).setParameter(3, observationUuid)
                .setParameter(4, observedAt).executeUpdate() == 1;
    }
}
