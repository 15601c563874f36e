-- Effort by county, sampling plot and protected area (issue 16): the design, empty until the polygons exist.
-- sampling-plot-service holds plots as polygons but counties and protected areas without shapes; once it publishes
-- them (the plots topic, or a new compacted topic of reference geography), a consumer here keeps this read model and
-- splits each patrol's kept track by it. Nothing writes these tables yet; docs/patrols.md, "Pending", says what will.

-- The latest state of every area another service published: one row per (kind, id), replaced by newer events only.
create table geography_area (
    kind        varchar(20)  not null check (kind in ('COUNTY', 'PLOT', 'PROTECTED_AREA')),
    id          varchar(60)  not null,  -- GB/T 2260 code, plot code (410821-01) or protected-area id
    name        varchar(200) not null,
    county_code varchar(6),
    geometry    text         not null,  -- GeoJSON Polygon or MultiPolygon, WGS-84, as published
    active      boolean      not null,  -- a retired plot stops counting for new splits; old splits stay
    updated_at  timestamptz  not null,  -- of the event: an older event never overwrites a newer state
    primary key (kind, id)
);

-- Length and time of a patrol's kept track inside each area it touched (the sum over areas of one kind can be less
-- than the patrol's distance: track outside every area of that kind).
create table patrol_area_effort (
    patrol_uuid uuid             not null references patrol (uuid),
    kind        varchar(20)      not null,
    area_id     varchar(60)      not null,
    distance_m  double precision not null check (distance_m >= 0),
    duration_s  double precision not null check (duration_s >= 0),  -- from point times; 0 for a track without times
    primary key (patrol_uuid, kind, area_id)
);

create index patrol_area_effort_area on patrol_area_effort (kind, area_id);
