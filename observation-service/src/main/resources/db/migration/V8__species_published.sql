-- The species catalog is published as SpeciesUpserted on the compacted topic species (bulletin-service measures the
-- protection rate against the whole catalog, species never observed included). published_updated_at = the
-- updated_at of the state last written to the outbox; a row whose updated_at differs is not yet on the topic.
-- POST and PUT /species publish in their own transaction and set it; the seeded catalog (null here), species a pod of
-- the previous release adds or changes during the rolling update, and any later migration that changes a species
-- (it must set updated_at = now()) are published by SpeciesBacklog, at startup and then every
-- biodiversity.species.backlog-check, with the rows locked so that replicas never publish one state twice.
-- Expand-only: a new nullable column; the previous release ignores it.
alter table species add column published_updated_at timestamptz;
