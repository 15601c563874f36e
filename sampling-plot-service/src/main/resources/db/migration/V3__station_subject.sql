-- Each station is bound to the identity it uploads with (the token's `sub` claim): only that identity's
-- uploads keep the station's lastSeenAt moving, and observation-service refuses uploads naming the station
-- from anyone else. Stations registered before this migration stay unbound until an admin binds them
-- (PUT /stations/{id}).
alter table station add column subject varchar(200);
-- When the registry entry last changed: orders the StationUpserted snapshots for their consumers.
alter table station add column updated_at timestamptz;
update station set updated_at = created_at;
alter table station alter column updated_at set not null;
-- A station token lists the stations bound to it.
create index station_subject on station (subject);
