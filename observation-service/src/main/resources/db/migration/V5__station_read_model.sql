-- Local read model of sampling-plot-service's compacted `stations` topic: which identity (token subject)
-- each station uploads with. Intake refuses an upload naming a station from any other identity (admins
-- excepted) and never calls that service. (V4 is another change's.)
create table station_binding (
    station_id varchar(100) primary key,
    -- null while the station is not bound: then only admins may upload for it
    subject    varchar(200),
    -- updatedAt of the snapshot applied last: an older snapshot never overwrites a newer one
    station_updated_at timestamptz,
    -- bumped on every change so each instance notices and reloads its in-memory copy
    version    bigint not null
);
create sequence station_binding_version_seq;
