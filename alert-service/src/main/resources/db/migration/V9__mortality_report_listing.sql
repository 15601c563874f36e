-- Where a mortality report stands in lists, pages and time filters (docs/biosecurity.md, "Who sees what"). A report of
-- a sensitive species is shown generalized (0.1° cell, times to the hour) to callers not entitled to its point; so
-- that from/to bisection, its place between exact reports and a page cursor tell them nothing finer, it is listed at
-- the hour of its recording, filtered on the hour of its observation and keyed by a random public id. The client's
-- uuid (a time-based one carries the client's clock) is shown only to those who see the report exactly.
-- Ordinary reports stand at their own times and id.
alter table mortality_report
    add column public_id          uuid,
    add column listed_at          timestamptz,
    add column listed_observed_at timestamptz;

update mortality_report
   set public_id          = case when sensitive then gen_random_uuid() else id end,
       listed_at          = case when sensitive then date_trunc('hour', recorded_at, 'UTC') else recorded_at end,
       listed_observed_at = case when sensitive then date_trunc('hour', observed_at, 'UTC') else observed_at end;

alter table mortality_report
    alter column public_id set not null,
    alter column listed_at set not null,
    alter column listed_observed_at set not null;

create unique index mortality_report_public_id on mortality_report (public_id);
drop index mortality_report_recorded;
create index mortality_report_listed on mortality_report (listed_at desc, public_id desc);

-- Alert histories named the reports by their stored uuid; from now on they name the public id.
do $$
declare r record;
begin
    for r in select id, public_id, cluster_alert_id, mortality_alert_id from mortality_report where sensitive loop
        update alert_history
           set details = replace(details, r.id::text, r.public_id::text)
         where alert_id in (r.cluster_alert_id, r.mortality_alert_id) and details like '%' || r.id::text || '%';
    end loop;
end $$;
