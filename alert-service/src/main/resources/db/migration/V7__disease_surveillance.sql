-- Wildlife disease surveillance (疫源疫病监测, docs/biosecurity.md): mortality and morbidity reports, their samples,
-- the cluster and protected-carcass alerts they raise and the emergency checklist on those alerts.

insert into alert_rule (id, description, enabled, escalation_threshold, escalation_window_days, updated_at, updated_by)
values ('DISEASE_CLUSTER',
        'Dead wild birds clustering: alerts.disease.cluster-min-dead-birds (default 5) or more within alerts.disease.cluster-radius-m (3 km) and alerts.disease.cluster-window (3 days): one CRITICAL alert per cluster, updated by later reports in it; a POSITIVE sample escalates it.',
        true, null, null, now(), 'migration'),
       ('WILDLIFE_MORTALITY',
        'A mortality report of a protected species (national class I or II, or sensitive): a HIGH alert per report; a POSITIVE sample of a report without a live alert raises a CRITICAL one.',
        true, null, null, now(), 'migration');

-- Protection level as observations show it (NATIONAL_I, NATIONAL_II, PROVINCIAL, NONE): a carcass of a protected
-- species raises WILDLIFE_MORTALITY. Null for species learned before this column.
alter table known_species add column protection_level varchar(20);

-- The disease figures of DISEASE_CLUSTER and WILDLIFE_MORTALITY alerts (null for the other rules).
alter table alert add column report_count integer;
alter table alert add column dead_count integer;
alter table alert add column sick_count integer;
-- The pathogen of the first POSITIVE sample (e.g. H5N1).
alter table alert add column pathogen varchar(60);

-- Disease alerts are one per cluster or report, so the live-key rule of aggregating alerts does not hold for them.
drop index alert_live_key;
create unique index alert_live_key on alert (rule, species_id, county_code, coalesce(aggregation_day, date '1970-01-01'),
    coalesce(audience_org, '')) where status <> 'RESOLVED' and rule not in ('ENFORCEMENT', 'DISEASE_CLUSTER', 'WILDLIFE_MORTALITY');

-- id = the client's uuid: an app's retry of the same report is a replay. The exact point stays here (the cluster rule
-- measures distances); reads generalize it for callers not entitled to see a sensitive species' point.
create table mortality_report (
    id               uuid             primary key,
    species_id       bigint,
    scientific_name  varchar(300),
    chinese_name     varchar(300),
    -- WATERFOWL, OTHER_BIRD, MAMMAL, REPTILE, AMPHIBIAN, FISH, OTHER
    animal_group     varchar(20)      not null,
    -- The group the client sent (null when taken from the species): what a replay is compared with.
    requested_group  varchar(20),
    sensitive        boolean          not null,
    protected        boolean          not null,
    dead_count       integer          not null,
    sick_count       integer          not null,
    lat              double precision not null,
    lon              double precision not null,
    accuracy_m       double precision,
    county_code      varchar(6)       not null,
    observed_at      timestamptz      not null,
    symptoms         varchar(2000),
    samples_taken    boolean          not null,
    reporter         varchar(200)     not null,
    station_id       varchar(100),
    cluster_alert_id uuid             references alert (id),
    mortality_alert_id uuid           references alert (id),
    recorded_at      timestamptz      not null
);
create index mortality_report_recorded on mortality_report (recorded_at desc, id desc);
-- The cluster rule's candidates: bird reports near in time.
create index mortality_report_birds on mortality_report (observed_at) where animal_group in ('WATERFOWL', 'OTHER_BIRD');
create index mortality_report_cluster on mortality_report (cluster_alert_id) where cluster_alert_id is not null;

create table mortality_sample (
    report_id    uuid         not null references mortality_report (id),
    sample_id    varchar(60)  not null,
    lab          varchar(200) not null,
    sent_at      timestamptz  not null,
    -- PENDING, NEGATIVE, POSITIVE
    result       varchar(10)  not null,
    pathogen     varchar(60),
    result_date  date,
    recorded_by  varchar(200) not null,
    updated_by   varchar(200) not null,
    updated_at   timestamptz  not null,
    primary key (report_id, sample_id)
);

-- The emergency plan's first steps on a DISEASE_CLUSTER or WILDLIFE_MORTALITY alert: who did each, and when.
create table alert_checklist (
    alert_id  uuid          not null references alert (id),
    -- ISOLATE_SITE, NOTIFY, SAMPLE, DISINFECT
    step      varchar(20)   not null,
    done_by   varchar(200)  not null,
    done_at   timestamptz   not null,
    notes     varchar(2000),
    primary key (alert_id, step)
);

-- Control cases closed by hand (POST /control-cases/{id}/close, status CLOSED): why, who and when.
alter table control_case add column closed_reason varchar(500);
alter table control_case add column closed_by varchar(200);
alter table control_case add column closed_at timestamptz;
