-- Local read model of the county outlines on sampling-plot-service's compacted `geography` topic
-- (AreaOutlined, kind COUNTY; protected areas are not kept). Intake derives an omitted countyCode from
-- the one outline covering the point when no sampling plot supplies it, and never calls that service.
create table county_outline (
    county_code  varchar(6)  primary key,
    -- false once the outline was withdrawn: the row stays so that an older snapshot cannot bring it back
    active       boolean     not null,
    -- GeoJSON Polygon or MultiPolygon (WGS-84); null once withdrawn
    geometry_json text,
    -- updatedAt of the snapshot applied last: an older snapshot never overwrites a newer one
    outline_updated_at timestamptz not null,
    -- bumped on every change so each instance notices and rebuilds its index
    version      bigint      not null
);
create sequence county_outline_version_seq;
