-- Versions (docs/bulletins.md, "Versions"): regenerating a period, scope and edition archives a new version next to
-- the old ones, so the key gains the version. The PDF is rendered once, when the version is generated, and stored
-- with the HTML: what was circulated can be served byte for byte later, whatever font or library the service has then.
alter table bulletin add column version integer not null default 1 check (version >= 1);
alter table bulletin alter column version drop default;
alter table bulletin add column pdf bytea;   -- null only for bulletins archived before this migration (rendered on request)
alter table bulletin drop constraint bulletin_period_scope_edition;
alter table bulletin add constraint bulletin_period_scope_edition_version unique (period_from, period_to, scope, edition, version);
comment on column bulletin.content_hash is 'SHA-256 (hex) of the stored figures JSON from V2 on (of figures and HTML before)';
