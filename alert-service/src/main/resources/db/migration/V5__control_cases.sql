-- Invasive-species control cases (docs/control-cases.md): a case per infestation, the control actions against it
-- and the follow-up surveys that decide its status.

-- Overdue follow-ups become alerts of their own rule; an admin can switch the reminders off (PUT /rules/FOLLOW_UP_OVERDUE).
insert into alert_rule (id, description, enabled, escalation_threshold, escalation_window_days, updated_at, updated_by)
values ('FOLLOW_UP_OVERDUE',
        'A control case''s follow-up survey is overdue (its species'' schedule, e.g. 美国白蛾 every 14 days): a MEDIUM reminder to the responsible unit''s subscriptions, once per overdue period.',
        true, null, null, now(), 'migration');

-- Who an alert is for: null = every matching subscription (as before); an org = only that organisation's
-- subscriptions (reminders go to the unit responsible for the case, not to every bureau).
alter table alert add column audience_org varchar(100);
-- The live key includes the audience, so that two units' reminders for the same species, county and day are two
-- alerts (null for every alert before: unchanged for the other rules). ENFORCEMENT alerts (V4) stay outside it.
drop index alert_live_key;
create unique index alert_live_key on alert (rule, species_id, county_code, coalesce(aggregation_day, date '1970-01-01'),
    coalesce(audience_org, '')) where status <> 'RESOLVED' and rule <> 'ENFORCEMENT';

create table control_case (
    id               uuid             primary key,
    species_id       bigint           not null,
    scientific_name  varchar(300)     not null,
    chinese_name     varchar(300),
    county_code      varchar(6)       not null,
    severity         varchar(10)      not null,
    status           varchar(15)      not null,
    responsible_org  varchar(100)     not null,
    -- The invasive-species alert it was opened from; one case per alert.
    alert_id         uuid             unique references alert (id),
    -- GeoJSON Polygon of the infestation, or null when the area is a circle (lat/lon + radius_m).
    outline          text,
    lat              double precision not null,
    lon              double precision not null,
    radius_m         double precision,
    area_ha          double precision not null,
    -- The last day the species was found (positive follow-up or a sighting in the area): negatives count after it.
    last_positive_on date,
    last_action_on   date,
    last_follow_up_on date,
    eradicated_on    date,
    notes            varchar(2000),
    opened_by        varchar(200)     not null,
    opened_at        timestamptz      not null,
    updated_at       timestamptz      not null,
    version          bigint           not null
);
-- Keyset pagination, newest first; the sighting check looks cases up by species.
create index control_case_opened on control_case (opened_at desc, id desc);
create index control_case_species on control_case (species_id, status);
create index control_case_county on control_case (county_code, species_id);

-- id = the client's uuid: an app's retry of the same action is a replay, not a second action.
create table control_action (
    id               uuid             primary key,
    case_id          uuid             not null references control_case (id),
    performed_on     date             not null,
    method           varchar(30)      not null,
    treated_area_ha  double precision not null,
    treated_outline  text,
    quantity         numeric(14, 3),
    unit             varchar(40),
    team             varchar(200),
    notes            varchar(2000),
    recorded_by      varchar(200)     not null,
    recorded_at      timestamptz      not null
);
create index control_action_case on control_action (case_id, performed_on);

create table follow_up_survey (
    id           uuid             primary key,
    case_id      uuid             not null references control_case (id),
    surveyed_on  date             not null,
    found        boolean          not null,
    density      double precision,
    notes        varchar(2000),
    recorded_by  varchar(200)     not null,
    recorded_at  timestamptz      not null
);
create index follow_up_survey_case on follow_up_survey (case_id, surveyed_on);

-- One reminder per case and overdue period: the background pass inserts here first (on conflict do nothing), so
-- replicas running the pass at once, or a pass repeated, raise it once.
create table control_case_reminder (
    case_id   uuid        not null references control_case (id),
    due_on    date        not null,
    -- Deferred: the pass claims the period first and writes the alert only when the claim succeeded.
    alert_id  uuid        not null references alert (id) deferrable initially deferred,
    raised_at timestamptz not null,
    primary key (case_id, due_on)
);
