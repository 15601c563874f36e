-- surveys (docs/bulletins.md, "Survey visits and overdue plots"): sampling-plot-service's survey visits, enough to
-- count visits, effort and plots visited per period and the plots overdue at a period's end.

-- SurveyRecorded: one row per visit; visits are never changed (a redelivery writes the same row again).
create table survey_fact (
    id            varchar(100)   primary key,
    plot_code     varchar(60)    not null,
    county_code   varchar(6)     not null,   -- the plot's county as the survey carried it: the scope of the visit
    visited_on    date           not null,   -- Asia/Shanghai
    method        varchar(60),
    effort_hours  numeric(10, 2) not null,   -- person-hours
    recorded_at   timestamptz
);
create index survey_fact_county_day on survey_fact (county_code, visited_on);
create index survey_fact_plot_day on survey_fact (plot_code, visited_on);

-- Overdue plots need each plot's survey interval and start; rows applied before V6 have neither until the plots
-- consumer (in a new group, so from the start of the compacted topic) reads every plot again.
alter table plot_fact add column established_on date, add column survey_interval_days integer;
