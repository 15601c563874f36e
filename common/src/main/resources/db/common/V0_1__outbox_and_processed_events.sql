-- Shared by every service (Flyway location classpath:db/common): the transactional outbox and the
-- ids of events an idempotent consumer has already applied.
create table outbox_event (
    seq        bigserial    primary key,
    event_id   uuid         not null unique,
    topic      varchar(200) not null,
    event_key  varchar(200) not null,
    event_type varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null
);

create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
