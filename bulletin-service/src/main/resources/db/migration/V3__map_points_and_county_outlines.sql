-- The map of the scope (docs/bulletins.md, "Map"): where observations were made (generalized when drawn, never shown
-- exactly), and the county outlines from the geography topic (AreaOutlined, kind COUNTY).
alter table observation_fact add column lat double precision, add column lon double precision;  -- null: recorded before V3

create table county_outline (
    county_code  varchar(6)   primary key,
    geometry     text,                     -- GeoJSON Polygon or MultiPolygon (WGS-84); null once withdrawn
    source       varchar(200),
    updated_at   timestamptz  not null     -- the newest updatedAt wins
);
