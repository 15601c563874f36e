-- Ranger patrols (plan 行动20): who went where, how, for what, the track they walked and what they found.
-- Coordinates are WGS-84 (GCJ-02 input is converted on the way in); times are instants.

create table patrol (
    uuid            uuid             primary key,  -- the client's idempotency key (JSON), or made by the server (GPX)
    recorded_by     varchar(200)     not null,     -- token subject of the ranger who sent it
    recorded_at     timestamptz      not null,
    source          varchar(10)      not null check (source in ('JSON', 'GPX')),
    mandate         varchar(30)      not null,
    transport       varchar(10)      not null,
    county_code     varchar(6)       not null,     -- the county responsible, as declared (no county polygons yet)
    started_at      timestamptz      not null,
    ended_at        timestamptz      not null check (ended_at > started_at),
    datum           varchar(5)       not null check (datum in ('WGS84', 'GCJ02')),
    notes           varchar(2000),
    -- derived effort (docs/patrols.md, "Effort")
    distance_m      double precision not null check (distance_m >= 0),
    track_points    integer          not null,
    kept_points     integer          not null,
    dropped_points  integer          not null,
    splits          integer          not null,
    speed_checked   boolean          not null,
    max_speed_kmh   double precision not null,
    incident_count  integer          not null,
    -- idempotency: the fingerprint of what was sent; for GPX also the file's SHA-256, unique per ranger
    content_hash    varchar(64)      not null,
    gpx_sha256      varchar(64)
);

create unique index patrol_gpx_per_ranger on patrol (recorded_by, gpx_sha256) where gpx_sha256 is not null;
-- GET /patrols pages newest first by (started_at, uuid); the county filter and the effort report by window.
create index patrol_started on patrol (started_at desc, uuid desc);
create index patrol_county_started on patrol (county_code, started_at desc);

create table patrol_member (
    patrol_uuid uuid         not null references patrol (uuid),
    position    integer      not null,
    subject     varchar(200) not null,
    primary key (patrol_uuid, position),
    unique (patrol_uuid, subject)
);

create index patrol_member_subject on patrol_member (subject);

-- The track as kept (lines of [lon, lat, time]) and the points left out with their reasons: large, read only
-- for one patrol, so apart from the row every listing reads.
create table patrol_track (
    patrol_uuid uuid primary key references patrol (uuid),
    lines       text not null,
    dropped     text not null
);

create table incident (
    uuid         uuid             primary key,
    patrol_uuid  uuid             not null references patrol (uuid),
    position     integer          not null,
    type         varchar(30)      not null,
    action_taken varchar(30)      not null,
    species_id   bigint,
    lat          double precision not null,
    lon          double precision not null,
    observed_at  timestamptz      not null,
    count        integer          not null check (count >= 1),
    notes        varchar(2000),
    unique (patrol_uuid, position)
);

create index incident_observed on incident (observed_at);

create table incident_media (
    incident_uuid uuid         not null references incident (uuid),
    position      integer      not null,
    url           varchar(500) not null,
    sha256        varchar(64),
    primary key (incident_uuid, position)
);

-- GPX waypoints: places the ranger marked, kept as candidates until someone says what they were.
create table incident_candidate (
    uuid           uuid             primary key,
    patrol_uuid    uuid             not null references patrol (uuid),
    position       integer          not null,
    name           varchar(200),
    description    varchar(2000),
    symbol         varchar(100),
    lat            double precision not null,
    lon            double precision not null,
    marked_at      timestamptz,
    suggested_type varchar(30),
    unique (patrol_uuid, position)
);
