-- Survey visits are published as SurveyRecorded on the compacted topic surveys (bulletin-service counts visits and
-- overdue plots from them). published = the visit's event is in the outbox. A visit recorded from this release on is
-- published in the transaction that records it (true at insert). The visits recorded before, and any that a pod of
-- the previous release records during the rolling update, take the default false; SurveyBacklog publishes them once
-- (at startup, then every plots.survey-backlog-check), locking the rows so that replicas never publish one twice.
-- Expand-only: a new column with a constant default (no table rewrite); the previous release ignores it.
alter table survey add column published boolean not null default false;
create index survey_unpublished on survey (created_at) where not published;
