-- A subscription delivers through a channel: the generic signed webhook (as before), a group robot of
-- WeCom, DingTalk or Feishu, or e-mail. A robot's URL (with its key or access token) is kept in
-- webhook_url; its signing secret, optional for DingTalk and Feishu and absent for WeCom, in
-- webhook_secret. E-mail has neither, only its recipients (comma-separated).
alter table subscription add column channel varchar(10) not null default 'WEBHOOK';
alter table subscription alter column webhook_url drop not null;
alter table subscription alter column webhook_secret drop not null;
alter table subscription add column email_recipients varchar(2000);

-- A test delivery (POST /subscriptions/{id}/test) is logged like an event's but concerns no alert.
alter table webhook_delivery add column kind varchar(10) not null default 'EVENT';
alter table webhook_delivery alter column alert_id drop not null;
