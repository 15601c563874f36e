-- bulletin-service's own read model of the topics (docs/bulletins.md): enough of each event to count a bulletin's
-- figures without calling another service. Written by the idempotent consumers; the newest state of a record wins.

-- observations (ObservationRecorded, ObservationReviewed): one row per observation, its species as recorded.
create table observation_fact (
    uuid              uuid         primary key,
    species_id        bigint       not null,
    scientific_name   varchar(200) not null,
    chinese_name      varchar(200),
    species_group     varchar(30),
    protection_level  varchar(20)  not null,
    invasive          boolean      not null,
    sensitive         boolean      not null,
    county_code       varchar(6)   not null,
    observed_at       timestamptz  not null,
    individuals       integer      not null,
    status            varchar(20)  not null,   -- UNVERIFIED, VERIFIED or REJECTED (rejected records count nowhere)
    version_at        timestamptz  not null    -- reviewedAt, else recordedAt: an older event never overwrites a newer
);
create index observation_fact_county_time on observation_fact (county_code, observed_at);
create index observation_fact_first on observation_fact (county_code, species_id, observed_at);

-- alerts (AlertRaised … AlertResolved): one row per alert, as of its newest event.
create table alert_fact (
    id           uuid        primary key,
    rule         varchar(30) not null,
    severity     varchar(10) not null,
    status       varchar(20) not null,
    county_code  varchar(6)  not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index alert_fact_county_time on alert_fact (county_code, created_at);

-- patrols (PatrolRecorded): the effort, no track.
create table patrol_fact (
    uuid            uuid             primary key,
    county_code     varchar(6)       not null,
    started_at      timestamptz      not null,
    distance_km     double precision not null,
    duration_hours  double precision not null
);
create index patrol_fact_county_time on patrol_fact (county_code, started_at);

-- patrols (IncidentReported): one row per incident.
create table incident_fact (
    uuid         uuid        primary key,
    patrol_uuid  uuid        not null,
    type         varchar(30) not null,
    county_code  varchar(6)  not null,
    observed_at  timestamptz not null
);
create index incident_fact_county_time on incident_fact (county_code, observed_at);

-- plots (PlotUpserted, PlotRetired): the current plots, the newest updatedAt wins.
create table plot_fact (
    code           varchar(60) primary key,
    county_code    varchar(6)  not null,
    priority_area  varchar(20),
    status         varchar(10) not null,
    updated_at     timestamptz not null
);

-- The archive: one bulletin per period, scope and edition, its figures and rendered HTML as generated. The unique
-- key makes generation idempotent across requests, restarts and replicas (the scheduler and POST alike).
create table bulletin (
    id            uuid         primary key,
    period_from   date         not null,
    period_to     date         not null,
    scope         varchar(20)  not null,
    edition       varchar(10)  not null check (edition in ('INTERNAL', 'PUBLIC')),
    title         varchar(200) not null,
    figures       text         not null,   -- the figures as JSON (BulletinFigures)
    html          text         not null,
    content_hash  varchar(64)  not null,   -- SHA-256 of figures and HTML, hex
    generated_at  timestamptz  not null,
    generated_by  varchar(200) not null,   -- token subject, or "scheduler"
    constraint bulletin_period_scope_edition unique (period_from, period_to, scope, edition),
    check (period_to >= period_from)
);
create index bulletin_generated on bulletin (generated_at desc, id);
