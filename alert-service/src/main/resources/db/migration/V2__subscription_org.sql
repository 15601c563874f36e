-- A subscription belongs to the organisation in its creator's token (claim org): a bureau user sees
-- and changes only their organisation's subscriptions. Rows from before have no owner; only admins
-- see them (and may delete them so the bureau subscribes again).
alter table subscription add column org varchar(100);
create index subscription_org on subscription (org, created_at);

-- Delivery errors used to name what went wrong without an HTTP answer (connection refused, timeout,
-- unknown host), which told a bureau user what listens inside the network: one kind now.
update webhook_delivery set last_error = 'receiver unreachable' where last_status is null and last_error is not null;
