-- A subscription delivers through a channel: the generic signed webhook (as before) or a group robot of
-- WeCom, DingTalk or Feishu. A robot's URL (with its key or access token) is kept in webhook_url; its
-- signing secret, optional for DingTalk and Feishu and absent for WeCom, in webhook_secret.
alter table subscription add column channel varchar(10) not null default 'WEBHOOK';
alter table subscription alter column webhook_secret drop not null;

-- A test delivery (POST /subscriptions/{id}/test) is logged like an event's but concerns no alert.
alter table webhook_delivery add column kind varchar(10) not null default 'EVENT';
alter table webhook_delivery alter column alert_id drop not null;
