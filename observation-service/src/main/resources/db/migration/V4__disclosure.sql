-- Where a record stands in lists, pages and time filters (see domain/Disclosure). Ordinary records stand
-- at their observed_at and uuid, as before. Records of a sensitive species stand at the start of their
-- day in China with a random key: a from/to bisection, their place between exact records and a page
-- cursor then tell their day and nothing finer, and the client's uuid (time-based ones carry the time)
-- never enters the order. Triggers keep both columns: on insert, when observed_at or the species of a
-- record changes, and for every record of a species whose sensitive flag changes.
alter table observation add column listed_at timestamptz, add column listed_key uuid;

update observation o
   set listed_at  = case when s.sensitive then date_trunc('day', o.observed_at, 'Asia/Shanghai') else o.observed_at end,
       listed_key = case when s.sensitive then gen_random_uuid() else o.uuid end
  from species s
 where s.id = o.species_id;

alter table observation alter column listed_at set not null, alter column listed_key set not null;

create function observation_listed_position() returns trigger language plpgsql as $$
begin
    if (select sensitive from species where id = new.species_id) then
        new.listed_at := date_trunc('day', new.observed_at, 'Asia/Shanghai');
        new.listed_key := gen_random_uuid();
    else
        new.listed_at := new.observed_at;
        new.listed_key := new.uuid;
    end if;
    return new;
end $$;

create trigger observation_listed_on_insert before insert on observation
    for each row execute function observation_listed_position();
create trigger observation_listed_on_update before update of observed_at, species_id on observation
    for each row when (old.observed_at is distinct from new.observed_at or old.species_id is distinct from new.species_id)
    execute function observation_listed_position();

create function species_sensitivity_changed() returns trigger language plpgsql as $$
begin
    update observation
       set listed_at  = case when new.sensitive then date_trunc('day', observed_at, 'Asia/Shanghai') else observed_at end,
           listed_key = case when new.sensitive then gen_random_uuid() else uuid end
     where species_id = new.id;
    return null;
end $$;

create trigger species_sensitivity_changed after update of sensitive on species
    for each row when (old.sensitive is distinct from new.sensitive) execute function species_sensitivity_changed();

-- Keyset pages now walk (…, listed_at desc, listed_key desc); the indexes follow.
drop index observation_recent_idx;
drop index observation_species_idx;
drop index observation_county_idx;
drop index observation_plot_idx;
drop index observation_observer_idx;
drop index observation_status_idx;
create index observation_recent_idx   on observation (listed_at desc, listed_key desc);
create index observation_species_idx  on observation (species_id, listed_at desc, listed_key desc);
create index observation_county_idx   on observation (county_code, listed_at desc, listed_key desc);
create index observation_plot_idx     on observation (plot_code, listed_at desc, listed_key desc) where plot_code is not null;
create index observation_observer_idx on observation (observer, listed_at desc, listed_key desc);
create index observation_status_idx   on observation (status, listed_at desc, listed_key desc);
