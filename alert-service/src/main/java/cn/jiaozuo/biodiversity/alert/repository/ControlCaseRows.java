package cn.jiaozuo.biodiversity.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The statements of control cases Panache does not fit: the once-only reminder insert and the per county and species
 * summary (one aggregate query).
 */
@ApplicationScoped
public class ControlCaseRows {

    /** One row of the summary. {@code lastActionOn}: the latest action of the open cases; null when none. */
    public record SummaryRow(String countyCode, long speciesId, String scientificName, String chineseName,
            long openCases, double infestedAreaHa, double treatedAreaHa, LocalDate lastActionOn, long eradicatedThisYear) {
    }

    private final EntityManager em;

    public ControlCaseRows(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the reminder of a case's overdue period; false when it exists (raised before, or by another replica
     * now: the primary key makes the second insert wait for the first's commit and then do nothing).
     */
    public boolean claimReminder(UUID caseId, LocalDate dueOn, UUID alertId, Instant now) {
        return em.createNativeQuery("insert into control_case_reminder (case_id, due_on, alert_id, raised_at)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, caseId).setParameter(2, dueOn).setParameter(3, alertId).setParameter(4, now)
                .executeUpdate() == 1;
    }

    /**
     * Per county and species with an open case or a case eradicated since {@code yearStart}: open cases, their
     * infested area, the area their actions treated, their latest action, and the cases eradicated this year.
     */
    public List<SummaryRow> summary(String countyCode, Long speciesId, LocalDate yearStart) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.county_code, c.species_id, max(c.scientific_name), max(c.chinese_name),
                       count(*) filter (where c.status not in ('ERADICATED', 'CLOSED')),
                       coalesce(sum(c.area_ha) filter (where c.status not in ('ERADICATED', 'CLOSED')), 0),
                       coalesce(sum(t.treated) filter (where c.status not in ('ERADICATED', 'CLOSED')), 0),
                       max(c.last_action_on) filter (where c.status not in ('ERADICATED', 'CLOSED')),
                       count(*) filter (where c.status = 'ERADICATED' and c.eradicated_on >= ?3)
                  from control_case c
                  left join (select case_id, sum(treated_area_ha) treated from control_action group by case_id) t
                    on t.case_id = c.id
                 where (cast(?1 as varchar) is null or c.county_code = ?1)
                   and (cast(?2 as bigint) is null or c.species_id = ?2)
                 group by c.county_code, c.species_id
                having count(*) filter (where c.status not in ('ERADICATED', 'CLOSED')) > 0
                    or count(*) filter (where c.status = 'ERADICATED' and c.eradicated_on >= ?3) > 0
                 order by c.county_code, c.species_id
                """).setParameter(1, countyCode).setParameter(2, speciesId).setParameter(3, yearStart).getResultList();
        return rows.stream().map(r -> new SummaryRow((String) r[0], ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(),
                r[7] == null ? null : r[7] instanceof Date d ? d.toLocalDate() : (LocalDate) r[7],
                ((Number) r[8]).longValue())).toList();
    }
}
