-- Observations from rangers and stations. The client's uuid is the primary key and the
-- idempotency key: a replay finds its row through the key, never a second row.
create table observation (
    uuid              uuid             primary key,
    species_id        bigint           not null references species (id),
    individual_count  integer          not null check (individual_count >= 1),
    observed_at       timestamptz      not null,
    -- the client's UTC offset, so observedAt is answered as it was sent
    observed_offset_s integer          not null,
    recorded_at       timestamptz      not null,
    -- always WGS-84; original_* keep what a GCJ-02 client sent
    lat               double precision not null,
    lon               double precision not null,
    accuracy_m        double precision,
    original_datum    varchar(10)      not null,
    original_lat      double precision not null,
    original_lon      double precision not null,
    county_code       varchar(6)       not null,
    plot_code         varchar(40),
    method            varchar(20)      not null,
    station_id        varchar(100),
    notes             varchar(2000),
    media_json        varchar(20000),
    observer          varchar(200)     not null,
    source            varchar(10)      not null,
    status            varchar(12)      not null,
    reviewer          varchar(200),
    review_comment    varchar(2000),
    reviewed_at       timestamptz,
    -- sha-256 of the normalized request: a replay with other content is a conflict
    content_hash      varchar(64)      not null
);

-- Keyset pagination is newest first on (observed_at, uuid); each filter gets an index that
-- serves "filter = x order by observed_at desc, uuid desc" without sorting millions of rows.
create index observation_recent_idx   on observation (observed_at desc, uuid desc);
create index observation_species_idx  on observation (species_id, observed_at desc, uuid desc);
create index observation_county_idx   on observation (county_code, observed_at desc, uuid desc);
create index observation_plot_idx     on observation (plot_code, observed_at desc, uuid desc) where plot_code is not null;
create index observation_observer_idx on observation (observer, observed_at desc, uuid desc);
create index observation_status_idx   on observation (status, observed_at desc, uuid desc);
