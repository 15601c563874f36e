package cn.jiaozuo.biodiversity.bulletin.repository;

import cn.jiaozuo.biodiversity.bulletin.domain.Facts;
import cn.jiaozuo.biodiversity.bulletin.domain.Period;
import cn.jiaozuo.biodiversity.bulletin.domain.Scope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The read model (docs/bulletins.md, "Read model"): upserts from the consumers and the facts of one period and scope,
 * on plain JDBC from the Agroal pool (inside a JTA transaction Agroal hands out the transaction's connection).
 */
@ApplicationScoped
public class FactRepository {

    private final AgroalDataSource dataSource;

    public FactRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record ObservationRow(UUID uuid, long speciesId, String scientificName, String chineseName, String group,
            String protectionLevel, boolean invasive, boolean sensitive, String countyCode, Instant observedAt, int individuals,
            String status, Instant versionAt, Double lat, Double lon, String stationId) {
    }

    /** Inserts or replaces the observation unless the stored one is newer (a review after the recording). */
    public void upsertObservation(ObservationRow o) throws SQLException {
        update("""
                insert into observation_fact (uuid, species_id, scientific_name, chinese_name, species_group, protection_level,
                    invasive, sensitive, county_code, observed_at, individuals, status, version_at, lat, lon, station_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (uuid) do update set species_id = excluded.species_id, scientific_name = excluded.scientific_name,
                    chinese_name = excluded.chinese_name, species_group = excluded.species_group,
                    protection_level = excluded.protection_level, invasive = excluded.invasive, sensitive = excluded.sensitive,
                    county_code = excluded.county_code, observed_at = excluded.observed_at, individuals = excluded.individuals,
                    status = excluded.status, version_at = excluded.version_at, lat = excluded.lat, lon = excluded.lon,
                    station_id = excluded.station_id
                where observation_fact.version_at <= excluded.version_at""",
                o.uuid(), o.speciesId(), o.scientificName(), o.chineseName(), o.group(), o.protectionLevel(), o.invasive(),
                o.sensitive(), o.countyCode(), ts(o.observedAt()), o.individuals(), o.status(), ts(o.versionAt()), o.lat(), o.lon(),
                o.stationId());
    }

    /** Inserts or replaces the alert unless the stored state is newer. */
    public void upsertAlert(UUID id, String rule, String severity, String status, String countyCode, Instant createdAt,
            Instant updatedAt) throws SQLException {
        update("""
                insert into alert_fact (id, rule, severity, status, county_code, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set rule = excluded.rule, severity = excluded.severity, status = excluded.status,
                    county_code = excluded.county_code, created_at = excluded.created_at, updated_at = excluded.updated_at
                where alert_fact.updated_at <= excluded.updated_at""",
                id, rule, severity, status, countyCode, ts(createdAt), ts(updatedAt));
    }

    public void upsertPatrol(UUID uuid, String countyCode, Instant startedAt, double distanceKm, double durationHours) throws SQLException {
        update("""
                insert into patrol_fact (uuid, county_code, started_at, distance_km, duration_hours) values (?, ?, ?, ?, ?)
                on conflict (uuid) do update set county_code = excluded.county_code, started_at = excluded.started_at,
                    distance_km = excluded.distance_km, duration_hours = excluded.duration_hours""",
                uuid, countyCode, ts(startedAt), distanceKm, durationHours);
    }

    public void upsertIncident(UUID uuid, UUID patrolUuid, String type, String countyCode, Instant observedAt) throws SQLException {
        update("""
                insert into incident_fact (uuid, patrol_uuid, type, county_code, observed_at) values (?, ?, ?, ?, ?)
                on conflict (uuid) do update set patrol_uuid = excluded.patrol_uuid, type = excluded.type,
                    county_code = excluded.county_code, observed_at = excluded.observed_at""",
                uuid, patrolUuid, type, countyCode, ts(observedAt));
    }

    /**
     * Inserts or replaces the plot unless the stored state is newer (an equal one replaces it: the plots consumer's new
     * group reads every plot again after V6, filling in the interval and start).
     */
    public void upsertPlot(String code, String countyCode, String priorityArea, String status, LocalDate establishedOn,
            Integer surveyIntervalDays, Instant updatedAt) throws SQLException {
        update("""
                insert into plot_fact (code, county_code, priority_area, status, established_on, survey_interval_days, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set county_code = excluded.county_code, priority_area = excluded.priority_area,
                    status = excluded.status, established_on = excluded.established_on,
                    survey_interval_days = excluded.survey_interval_days, updated_at = excluded.updated_at
                where plot_fact.updated_at <= excluded.updated_at""",
                code, countyCode, priorityArea, status, establishedOn, surveyIntervalDays, ts(updatedAt));
    }

    /** Records a survey visit (visits are never changed; a redelivery writes the same values). */
    public void upsertSurvey(String id, String plotCode, String countyCode, LocalDate visitedOn, String method,
            java.math.BigDecimal effortHours, Instant recordedAt) throws SQLException {
        update("""
                insert into survey_fact (id, plot_code, county_code, visited_on, method, effort_hours, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set plot_code = excluded.plot_code, county_code = excluded.county_code,
                    visited_on = excluded.visited_on, method = excluded.method, effort_hours = excluded.effort_hours,
                    recorded_at = excluded.recorded_at""",
                id, plotCode, countyCode, visitedOn, method, effortHours, ts(recordedAt));
    }

    /** Inserts or replaces a catalog species (the last event applied is the catalog's current entry). */
    public void upsertSpecies(long id, String scientificName, String chineseName, String group, String protectionLevel,
            boolean invasive, boolean sensitive) throws SQLException {
        update("""
                insert into species_fact (id, scientific_name, chinese_name, species_group, protection_level, invasive, sensitive)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set scientific_name = excluded.scientific_name, chinese_name = excluded.chinese_name,
                    species_group = excluded.species_group, protection_level = excluded.protection_level,
                    invasive = excluded.invasive, sensitive = excluded.sensitive""",
                id, scientificName, chineseName, group, protectionLevel, invasive, sensitive);
    }

    /** Inserts or replaces a county's outline (GeoJSON, null once withdrawn) unless the stored one is newer. */
    public void upsertOutline(String countyCode, String geometry, String source, Instant updatedAt) throws SQLException {
        update("""
                insert into county_outline (county_code, geometry, source, updated_at) values (?, ?, ?, ?)
                on conflict (county_code) do update set geometry = excluded.geometry, source = excluded.source,
                    updated_at = excluded.updated_at
                where county_outline.updated_at <= excluded.updated_at""",
                countyCode, geometry, source, ts(updatedAt));
    }

    /** Inserts or replaces the control case unless the stored state is newer. */
    public void upsertControlCase(UUID id, long speciesId, String scientificName, String chineseName, String countyCode,
            String status, double areaHa, Instant openedAt, LocalDate eradicatedOn, Instant updatedAt) throws SQLException {
        update("""
                insert into control_case_fact (id, species_id, scientific_name, chinese_name, county_code, status, area_ha,
                    opened_at, eradicated_on, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set species_id = excluded.species_id, scientific_name = excluded.scientific_name,
                    chinese_name = excluded.chinese_name, county_code = excluded.county_code, status = excluded.status,
                    area_ha = excluded.area_ha, opened_at = excluded.opened_at, eradicated_on = excluded.eradicated_on,
                    updated_at = excluded.updated_at
                where control_case_fact.updated_at <= excluded.updated_at""",
                id, speciesId, scientificName, chineseName, countyCode, status, areaHa, ts(openedAt), eradicatedOn, ts(updatedAt));
    }

    /** Records a control action (actions are never changed: a redelivery changes nothing). */
    public void insertControlAction(UUID id, UUID caseId, long speciesId, String countyCode, LocalDate performedOn,
            double treatedAreaHa) throws SQLException {
        update("""
                insert into control_action_fact (id, case_id, species_id, county_code, performed_on, treated_area_ha)
                values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                id, caseId, speciesId, countyCode, performedOn, treatedAreaHa);
    }

    /** Inserts or replaces the station unless the stored state is newer; its first sighting stays the earliest. */
    public void upsertStation(String id, String type, String plotCode, Instant updatedAt) throws SQLException {
        update("""
                insert into station_fact (id, type, plot_code, first_seen_at, updated_at) values (?, ?, ?, ?, ?)
                on conflict (id) do update set
                    type = case when station_fact.updated_at <= excluded.updated_at then excluded.type else station_fact.type end,
                    plot_code = case when station_fact.updated_at <= excluded.updated_at then excluded.plot_code else station_fact.plot_code end,
                    updated_at = greatest(station_fact.updated_at, excluded.updated_at),
                    first_seen_at = least(station_fact.first_seen_at, excluded.first_seen_at)""",
                id, type, plotCode, ts(updatedAt), ts(updatedAt));
    }

    /** Where this period's observations (not rejected) were made, and the scope's county outlines: the map. */
    public void places(Period period, Scope scope, ZoneId zone, List<Facts.Point> points, List<Facts.Outline> outlines) {
        try (Connection connection = dataSource.getConnection()) {
            Array counties = connection.createArrayOf("varchar", scope.counties().toArray());
            try (PreparedStatement s = connection.prepareStatement("""
                    select lat, lon, sensitive, county_code from observation_fact
                    where status <> 'REJECTED' and county_code = any(?) and observed_at >= ? and observed_at < ?
                      and lat is not null and lon is not null
                    order by observed_at, uuid""")) {
                bind(s, counties, ts(period.start(zone).toInstant()), ts(period.end(zone).toInstant()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        points.add(new Facts.Point(r.getDouble(1), r.getDouble(2), r.getBoolean(3), r.getString(4)));
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "select county_code, geometry from county_outline where county_code = any(?) and geometry is not null"
                            + " order by county_code")) {
                s.setArray(1, counties);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<List<double[]>> rings = GeoJsonRings.of(r.getString(2));
                        if (!rings.isEmpty()) {
                            outlines.add(new Facts.Outline(r.getString(1), rings));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the places of " + scope.code() + " " + period + " failed", e);
        }
    }

    /** Everything the figures of one period and scope are counted from; days in {@code zone}; the default window (P5Y). */
    public Facts facts(Period period, Scope scope, ZoneId zone) {
        return facts(period, scope, zone, java.time.Period.ofYears(5));
    }

    /**
     * Everything the figures of one period and scope are counted from; days in {@code zone}. {@code window}: how far
     * back before the period's end a record counts for the protection rate.
     */
    public Facts facts(Period period, Scope scope, ZoneId zone, java.time.Period window) {
        Timestamp start = ts(period.start(zone).toInstant());
        Timestamp end = ts(period.end(zone).toInstant());
        try (Connection connection = dataSource.getConnection()) {
            Array counties = connection.createArrayOf("varchar", scope.counties().toArray());
            List<Facts.Observation> observations = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select species_id, scientific_name, chinese_name, species_group, protection_level, invasive, sensitive,
                        county_code, observed_at, individuals
                    from observation_fact where status <> 'REJECTED' and county_code = any(?) and observed_at >= ? and observed_at < ?
                    order by observed_at, uuid""")) {
                bind(s, counties, start, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        observations.add(new Facts.Observation(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getBoolean(6), r.getBoolean(7), r.getString(8), instant(r, 9), r.getInt(10)));
                    }
                }
            }
            List<Facts.FirstRecord> firsts = new ArrayList<>();
            // The earliest record (not rejected) of each species in each county, where that record lies in the period.
            try (PreparedStatement s = connection.prepareStatement("""
                    select o.species_id, o.scientific_name, o.chinese_name, o.protection_level, o.sensitive, o.county_code, o.observed_at
                    from observation_fact o
                    where o.status <> 'REJECTED' and o.county_code = any(?) and o.observed_at >= ? and o.observed_at < ?
                      and not exists (select 1 from observation_fact e where e.county_code = o.county_code
                          and e.species_id = o.species_id and e.status <> 'REJECTED'
                          and (e.observed_at < o.observed_at or (e.observed_at = o.observed_at and e.uuid < o.uuid)))
                    order by o.county_code, o.scientific_name""")) {
                bind(s, counties, start, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        firsts.add(new Facts.FirstRecord(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getBoolean(5), r.getString(6), instant(r, 7)));
                    }
                }
            }
            List<Facts.Alert> alerts = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select rule, severity, county_code from alert_fact
                    where county_code = any(?) and created_at >= ? and created_at < ? order by created_at, id""")) {
                bind(s, counties, start, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        alerts.add(new Facts.Alert(r.getString(1), r.getString(2), r.getString(3)));
                    }
                }
            }
            List<Facts.Patrol> patrols = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select distance_km, duration_hours from patrol_fact
                    where county_code = any(?) and started_at >= ? and started_at < ? order by started_at, uuid""")) {
                bind(s, counties, start, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        patrols.add(new Facts.Patrol(r.getDouble(1), r.getDouble(2)));
                    }
                }
            }
            List<Facts.Incident> incidents = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select type from incident_fact
                    where county_code = any(?) and observed_at >= ? and observed_at < ? order by observed_at, uuid""")) {
                bind(s, counties, start, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        incidents.add(new Facts.Incident(r.getString(1)));
                    }
                }
            }
            int plots;
            try (PreparedStatement s = connection.prepareStatement(
                    "select count(*) from plot_fact where county_code = any(?) and status = 'ACTIVE'")) {
                s.setArray(1, counties);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    plots = r.getInt(1);
                }
            }
            List<Facts.Point> points = new ArrayList<>();
            List<Facts.Outline> outlines = new ArrayList<>();
            places(period, scope, zone, points, outlines);
            List<Facts.ControlCase> cases = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select c.species_id, c.scientific_name, c.chinese_name, c.county_code, c.status, c.area_ha, c.opened_at,
                        c.eradicated_on, c.updated_at, (select min(a.performed_on) from control_action_fact a where a.case_id = c.id)
                    from control_case_fact c where c.county_code = any(?) and c.opened_at < ? order by c.opened_at, c.id""")) {
                s.setArray(1, counties);
                s.setTimestamp(2, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        cases.add(new Facts.ControlCase(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getDouble(6), instant(r, 7), r.getObject(8, LocalDate.class), instant(r, 9),
                                r.getObject(10, LocalDate.class)));
                    }
                }
            }
            List<Facts.ControlAction> actions = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select species_id, performed_on, treated_area_ha from control_action_fact
                    where county_code = any(?) and performed_on >= ? and performed_on <= ? order by performed_on, id""")) {
                s.setArray(1, counties);
                s.setObject(2, period.from());
                s.setObject(3, period.to());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        actions.add(new Facts.ControlAction(r.getLong(1), r.getObject(2, LocalDate.class), r.getDouble(3)));
                    }
                }
            }
            // Stations on a plot of the scope, first seen before the period's end; silent: no observation (any status:
            // the station sent it) in the period.
            int registered = 0;
            List<String> silent = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select st.id, exists (select 1 from observation_fact o where o.station_id = st.id
                        and o.observed_at >= ? and o.observed_at < ?)
                    from station_fact st join plot_fact p on p.code = st.plot_code
                    where p.county_code = any(?) and st.first_seen_at < ? order by st.id""")) {
                s.setTimestamp(1, start);
                s.setTimestamp(2, end);
                s.setArray(3, counties);
                s.setTimestamp(4, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        registered++;
                        if (!r.getBoolean(2)) {
                            silent.add(r.getString(1));
                        }
                    }
                }
            }
            List<Facts.Survey> surveys = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select plot_code, visited_on, effort_hours from survey_fact
                    where county_code = any(?) and visited_on >= ? and visited_on <= ? order by visited_on, id""")) {
                s.setArray(1, counties);
                s.setObject(2, period.from());
                s.setObject(3, period.to());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        surveys.add(new Facts.Survey(r.getString(1), r.getObject(2, LocalDate.class), r.getBigDecimal(3)));
                    }
                }
            }
            // The active plots of the scope (as they are now) with their last visit on or before the period's last day.
            List<Facts.PlotVisit> plotVisits = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    select p.code, p.established_on, p.survey_interval_days,
                        (select max(v.visited_on) from survey_fact v where v.plot_code = p.code and v.visited_on <= ?)
                    from plot_fact p where p.county_code = any(?) and p.status = 'ACTIVE' order by p.code""")) {
                s.setObject(1, period.to());
                s.setArray(2, counties);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        plotVisits.add(new Facts.PlotVisit(r.getString(1), r.getObject(2, LocalDate.class),
                                r.getObject(3, Integer.class), r.getObject(4, LocalDate.class)));
                    }
                }
            }
            return new Facts(observations, alerts, patrols, incidents, firsts, plots, points, outlines, cases, actions,
                    new Facts.Stations(registered, silent), surveys, plotVisits, catalog(connection, counties, period, zone, window));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the facts of " + scope.code() + " " + period + " failed", e);
        }
    }

    /**
     * The catalog's nationally protected species, each with whether a record (not rejected) of it lies in the scope
     * within the window: from the period's end back by {@code window}.
     */
    private static Facts.Catalog catalog(Connection connection, Array counties, Period period, ZoneId zone,
            java.time.Period window) throws SQLException {
        LocalDate windowFrom = period.to().plusDays(1).minus(window);
        int size;
        try (PreparedStatement s = connection.prepareStatement("select count(*) from species_fact");
                ResultSet r = s.executeQuery()) {
            r.next();
            size = r.getInt(1);
        }
        List<Facts.ProtectedSpecies> species = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select c.id, c.scientific_name, c.chinese_name, c.protection_level,
                    exists (select 1 from observation_fact o where o.species_id = c.id and o.status <> 'REJECTED'
                        and o.county_code = any(?) and o.observed_at >= ? and o.observed_at < ?)
                from species_fact c where c.protection_level in ('NATIONAL_I', 'NATIONAL_II')
                order by c.scientific_name, c.id""")) {
            bind(s, counties, ts(windowFrom.atStartOfDay(zone).toInstant()), ts(period.end(zone).toInstant()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    species.add(new Facts.ProtectedSpecies(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getBoolean(5)));
                }
            }
        }
        return new Facts.Catalog(size, windowFrom, period.to(), species);
    }

    private static void bind(PreparedStatement s, Array counties, Timestamp start, Timestamp end) throws SQLException {
        s.setArray(1, counties);
        s.setTimestamp(2, start);
        s.setTimestamp(3, end);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }
}
