-- An event held back until this time (null: publish at once). observation-service holds back the public
-- events of generalized records to a daily release, so their timing cannot tie them to exact records.
alter table outbox_event add column publish_after timestamptz;
