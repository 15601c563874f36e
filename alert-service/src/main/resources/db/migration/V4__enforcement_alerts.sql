-- ENFORCEMENT alerts: one per incident a patrol reports (topic patrols, IncidentReported). Not aggregated: each
-- incident is a place a team must go to (several snares at one spot are one incident with its count).
insert into alert_rule (id, description, enabled, escalation_threshold, escalation_window_days, updated_at, updated_by)
values ('ENFORCEMENT',
        'An incident reported by a patrol (snare, trap, poaching, fire, illegal logging ...). FIRE is CRITICAL; SNARE, TRAP and POACHING are HIGH, CRITICAL when they concern a sensitive species, lie inside a protected area or near a recent sighting of a sensitive species; the rest MEDIUM. One alert per incident; never escalates.',
        true, null, null, now(), 'migration');

-- An incident may concern no species.
alter table alert alter column species_id drop not null;
alter table alert alter column scientific_name drop not null;

-- The incident behind an ENFORCEMENT alert (null for the other rules) and why the alert has its severity.
-- On an obscured alert patrol_uuid, incident_uuid and protected_area_id stay here but are never shown: they lead
-- to the exact point.
alter table alert add column incident_uuid uuid;
alter table alert add column patrol_uuid uuid;
alter table alert add column incident_type varchar(30);
alter table alert add column incident_count integer;
alter table alert add column action_taken varchar(30);
alter table alert add column protected_area_id varchar(100);
alter table alert add column reason varchar(500);
create unique index alert_incident on alert (incident_uuid) where incident_uuid is not null;

-- ENFORCEMENT alerts are one per incident, so the live-key rule of aggregating alerts does not hold for them.
drop index alert_live_key;
create unique index alert_live_key on alert (rule, species_id, county_code, coalesce(aggregation_day, date '1970-01-01'))
    where status <> 'RESOLVED' and rule <> 'ENFORCEMENT';

-- Species as observations show them: an incident names only a species id, and whether that species is sensitive
-- decides its alert's severity and what the alert may show. Filled by the observation consumer.
create table known_species (
    species_id      bigint       primary key,
    scientific_name varchar(300) not null,
    chinese_name    varchar(300),
    species_group   varchar(40),
    sensitive       boolean      not null
);

-- Recent sightings of sensitive species (not rejected in review), for "a snare near a recent sighting": the exact
-- point, as topic observations carries it, kept only for the window (alerts.enforcement.sighting-window) and
-- never shown: no alert, API or event reads lat/lon of this table.
create table sensitive_sighting (
    observation_uuid uuid             primary key,
    species_id       bigint           not null,
    lat              double precision not null,
    lon              double precision not null,
    observed_at      timestamptz      not null
);
create index sensitive_sighting_observed on sensitive_sighting (observed_at);
