-- Alert rules: stored so that an admin can tune them (PUT /rules/{id}) without a release.
create table alert_rule (
    id                     varchar(40)  primary key,
    description            varchar(1000) not null,
    enabled                boolean      not null,
    escalation_threshold   integer,
    escalation_window_days integer,
    updated_at             timestamptz  not null,
    updated_by             varchar(200) not null,
    version                bigint       not null default 0
);

insert into alert_rule (id, description, enabled, escalation_threshold, escalation_window_days, updated_at, updated_by)
values ('INVASIVE_SPECIES',
        'Any observation of an invasive species (美国白蛾, 加拿大一枝黄花, 松材线虫, 福寿螺 ...). CRITICAL for the first record of the species in a county, HIGH in a priority area or inside a plot, else MEDIUM; escalates to CRITICAL once when the threshold of observations within the window is reached.',
        true, 5, 7, now(), 'migration'),
       ('PROTECTED_SPECIES',
        'An observation of a national class I protected species (华北豹, 林麝 ...): an INFO alert, aggregated per species, county and day.',
        true, null, null, now(), 'migration');

-- One alert aggregates the observations of one rule + species + county (+ day for PROTECTED_SPECIES)
-- while it is OPEN or ACKNOWLEDGED. The location is stored already generalized for sensitive species,
-- so the exact point of a sensitive species never rests in this service.
create table alert (
    id                uuid          primary key,
    rule              varchar(40)   not null references alert_rule (id),
    severity          varchar(10)   not null,
    status            varchar(15)   not null,
    species_id        bigint        not null,
    scientific_name   varchar(300)  not null,
    chinese_name      varchar(300),
    species_group     varchar(40),
    county_code       varchar(6)    not null,
    plot_code         varchar(100),
    aggregation_day   date,
    observation_count integer       not null,
    first_observed_at timestamptz   not null,
    last_observed_at  timestamptz   not null,
    lat               double precision not null,
    lon               double precision not null,
    accuracy_m        double precision,
    obscured          boolean       not null,
    escalated         boolean       not null,
    resolution        varchar(20),
    notes             varchar(4000),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null
);

-- At most one live alert per aggregation key: the consumer relies on it, and a bug cannot create twins.
create unique index alert_live_key on alert (rule, species_id, county_code, coalesce(aggregation_day, date '1970-01-01'))
    where status <> 'RESOLVED';
-- Keyset pagination, newest first.
create index alert_created on alert (created_at desc, id desc);
create index alert_species on alert (species_id);

create table alert_observation (
    id               bigserial   primary key,
    alert_id         uuid        not null references alert (id),
    observation_uuid uuid        not null,
    observed_at      timestamptz not null,
    individuals      integer     not null,
    withdrawn        boolean     not null,
    unique (alert_id, observation_uuid)
);
create index alert_observation_uuid on alert_observation (observation_uuid);

create table alert_history (
    id       bigserial     primary key,
    alert_id uuid          not null references alert (id),
    at       timestamptz   not null,
    action   varchar(40)   not null,
    actor    varchar(200)  not null,
    details  varchar(4000)
);
create index alert_history_alert on alert_history (alert_id, id);

-- Which species has been recorded in which county: "first record in the county" means the insert
-- of this row succeeded. Filled by the observation consumer for every accepted observation.
create table species_county_record (
    species_id             bigint      not null,
    county_code            varchar(6)  not null,
    first_observation_uuid uuid        not null,
    first_observed_at      timestamptz not null,
    primary key (species_id, county_code)
);

create table subscription (
    id             uuid          primary key,
    name           varchar(200)  not null,
    organization   varchar(200)  not null,
    filter         varchar(8000) not null,
    webhook_url    varchar(2000) not null,
    webhook_secret varchar(500)  not null,
    created_by     varchar(200)  not null,
    created_at     timestamptz   not null
);

-- The webhook outbox: a row per (alert event, matching subscription), written in the transaction of
-- the alert change; the dispatcher claims due rows with FOR UPDATE SKIP LOCKED.
create table webhook_delivery (
    id              uuid          primary key,
    subscription_id uuid          not null references subscription (id) on delete cascade,
    alert_id        uuid          not null,
    event_id        uuid          not null,
    event_type      varchar(40)   not null,
    payload         text          not null,
    status          varchar(10)   not null,
    attempts        integer       not null,
    next_attempt_at timestamptz   not null,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(500),
    delivered_at    timestamptz,
    created_at      timestamptz   not null,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc);
