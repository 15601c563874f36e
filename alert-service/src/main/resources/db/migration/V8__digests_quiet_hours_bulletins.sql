-- When a subscription hears of an alert: at once for some severities, else in an hourly or daily digest, and never
-- (but CRITICAL) in its quiet hours. A subscription without these settings (digest NONE, no quiet hours) is sent
-- every alert at once, as before.
alter table subscription add column immediate_severities varchar(60);
alter table subscription add column digest varchar(10) not null default 'NONE';
alter table subscription add column digest_at time;
alter table subscription add column quiet_from time;
alter table subscription add column quiet_to time;
-- Whether published monitoring bulletins (topic bulletins) are sent too.
alter table subscription add column bulletins boolean not null default false;

-- Alert events waiting for a subscription's next digest: one row per alert (its latest event) until a digest
-- takes it (digest_id set).
create table digest_item (
    id              uuid         primary key,
    subscription_id uuid         not null references subscription (id) on delete cascade,
    alert_id        uuid         not null,
    event_type      varchar(40)  not null,
    payload         text         not null,
    queued_at       timestamptz  not null,
    digest_id       uuid
);
create unique index digest_item_pending on digest_item (subscription_id, alert_id) where digest_id is null;

-- One row per subscription and due time: whichever replica or restart inserts it sends that digest, nobody else.
create table subscription_digest (
    id              uuid         primary key,
    subscription_id uuid         not null references subscription (id) on delete cascade,
    due_at          timestamptz  not null,
    alert_count     integer      not null,
    created_at      timestamptz  not null,
    unique (subscription_id, due_at)
);
