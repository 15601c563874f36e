-- control-cases (docs/bulletins.md, "Control cases"): alert-service's invasive-species control cases and their
-- actions, enough to count open, new and eradicated cases and the area infested and treated.

-- ControlCaseOpened, ControlCaseStatusChanged, ControlCaseUpdated: one row per case, the newest updatedAt wins.
create table control_case_fact (
    id               uuid             primary key,
    species_id       bigint           not null,
    scientific_name  varchar(200)     not null,
    chinese_name     varchar(200),
    county_code      varchar(6)       not null,
    status           varchar(20)      not null,   -- DETECTED, UNDER_CONTROL, CONTROLLED, ERADICATED or CLOSED
    area_ha          double precision not null,
    opened_at        timestamptz      not null,
    eradicated_on    date,                        -- set while ERADICATED
    updated_at       timestamptz      not null    -- for a CLOSED case its closing (CLOSED is final, nothing follows)
);
create index control_case_fact_county on control_case_fact (county_code, opened_at);

-- ControlActionRecorded: one row per action; actions are never changed.
create table control_action_fact (
    id               uuid             primary key,
    case_id          uuid             not null,
    species_id       bigint           not null,
    county_code      varchar(6)       not null,
    performed_on     date             not null,
    treated_area_ha  double precision not null
);
create index control_action_fact_case on control_action_fact (case_id, performed_on);
create index control_action_fact_county on control_action_fact (county_code, performed_on);
