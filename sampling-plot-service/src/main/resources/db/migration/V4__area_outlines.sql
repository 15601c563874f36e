-- Outlines of counties and protected areas (PUT /counties/{code}/outline, PUT /protected-areas/{id}/outline),
-- published as AreaOutlined on the compacted topic geography so patrol-service can split effort by area.
-- One row per outlined area; withdrawing an outline deletes its row. The geometry is stored as the service
-- answers and publishes it: GeoJSON, WGS-84 (GCJ-02 input converted); datum says what the client sent.
-- Expand-only: new tables, so the previous release's pods keep running during a rolling update.
create table county_outline (
    county_code varchar(6)       primary key references county (code),
    geometry    text             not null,
    datum       varchar(10)      not null check (datum in ('WGS84', 'GCJ02')),
    source      varchar(200)     not null,
    area_ha     double precision not null,
    updated_at  timestamptz      not null,
    updated_by  varchar(200)     not null
);

create table protected_area_outline (
    protected_area_id varchar(60)      primary key references protected_area (id),
    geometry          text             not null,
    datum             varchar(10)      not null check (datum in ('WGS84', 'GCJ02')),
    source            varchar(200)     not null,
    area_ha           double precision not null,
    updated_at        timestamptz      not null,
    updated_by        varchar(200)     not null
);
