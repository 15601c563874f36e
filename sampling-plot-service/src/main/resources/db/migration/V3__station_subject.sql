-- Each station is bound to the identity it uploads with (the token's `sub` claim): only that identity's
-- uploads keep the station's lastSeenAt moving, and observation-service refuses uploads naming the station
-- from anyone else. Stations registered before this migration stay unbound until an admin binds them
-- (PUT /stations/{id}). Expand-only: nullable, so the previous release's pods keep registering stations.
alter table station add column subject varchar(200);
-- When the registry entry last changed: orders the StationUpserted snapshots for their consumers. The
-- default covers inserts of the previous release during a rolling update.
alter table station add column updated_at timestamptz;
update station set updated_at = created_at;
alter table station alter column updated_at set default now();
alter table station alter column updated_at set not null;
