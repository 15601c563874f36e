-- stations (docs/bulletins.md, "Silent stations"): the station register, and which station an observation came from.

-- StationUpserted: one row per station. The snapshot carries no registration time: first_seen_at is the earliest
-- updatedAt seen, the newest updatedAt wins for the rest.
create table station_fact (
    id             varchar(100) primary key,
    type           varchar(20),
    plot_code      varchar(60),              -- the county comes from the plot (plot_fact)
    first_seen_at  timestamptz  not null,
    updated_at     timestamptz  not null
);
create index station_fact_plot on station_fact (plot_code);

alter table observation_fact add column station_id varchar(100);  -- null: no station, or recorded before V5
create index observation_fact_station on observation_fact (station_id, observed_at) where station_id is not null;
