-- Issue 16, second part: the read model of areas is fed (plots and geography topics), patrols are split by it, and
-- incidents can be added to a stored patrol or confirmed from a GPX waypoint. docs/patrols.md says how.

-- A withdrawn county or protected-area outline has no geometry any more (AreaSnapshot.geometry null); a retired plot
-- keeps its polygon (the splits of patrols walked while it was monitored stay), both are inactive.
alter table geography_area alter column geometry drop not null;

-- The box of a patrol's kept track: when an area's outline changes, only the patrols whose box meets the area's are
-- read again and re-split. Null for a track of which no point was kept.
alter table patrol add column min_lat double precision;
alter table patrol add column min_lon double precision;
alter table patrol add column max_lat double precision;
alter table patrol add column max_lon double precision;

update patrol p set min_lat = b.min_lat, min_lon = b.min_lon, max_lat = b.max_lat, max_lon = b.max_lon
from (select t.patrol_uuid,
             min((pt ->> 1)::double precision) as min_lat, min((pt ->> 0)::double precision) as min_lon,
             max((pt ->> 1)::double precision) as max_lat, max((pt ->> 0)::double precision) as max_lon
      from patrol_track t, jsonb_array_elements(t.lines::jsonb) line, jsonb_array_elements(line) pt
      group by t.patrol_uuid) b
where b.patrol_uuid = p.uuid;

create index patrol_track_box on patrol (min_lat, max_lat);

-- The protected area an incident's point lies in, as far as the outlines are known (kept current when they change).
-- Incidents added after the patrol carry the client's uuid and the fingerprint of what was sent (a replay is
-- recognised by it); GPX waypoints confirmed as incidents name the incident they became.
alter table incident add column protected_area_id varchar(60);
alter table incident add column added_by varchar(200);
alter table incident add column content_hash varchar(64);
alter table incident_candidate add column incident_uuid uuid references incident (uuid);

create index incident_position on incident (lat, lon);
