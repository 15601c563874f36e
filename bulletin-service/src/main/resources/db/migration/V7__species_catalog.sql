-- species (docs/bulletins.md, "Protection rate"): the species catalog as observation-service publishes it, including
-- species never observed: the list the protection rate of the nationally protected species is measured against.

-- SpeciesUpserted: one row per species; the topic is keyed by species id, so its events arrive in order and the
-- last one applied is the catalog's current entry.
create table species_fact (
    id                bigint       primary key,
    scientific_name   varchar(200) not null,
    chinese_name      varchar(200),
    species_group     varchar(30),
    protection_level  varchar(20)  not null,   -- NATIONAL_I, NATIONAL_II, PROVINCIAL or NONE
    invasive          boolean      not null,
    sensitive         boolean      not null
);
create index species_fact_protection on species_fact (protection_level);
