-- Local read model of sampling-plot-service's compacted `plots` topic: intake assigns plots from
-- it (through an in-memory spatial index) and never calls that service.
create table plot_area (
    code          varchar(40)  primary key,
    county_code   varchar(6)   not null,
    status        varchar(10)  not null,
    geometry_json text         not null,
    -- updatedAt of the snapshot applied last: an older snapshot never overwrites a newer one
    plot_updated_at timestamptz,
    -- bumped on every change so each instance notices and rebuilds its index
    version       bigint       not null
);
create sequence plot_area_version_seq;
