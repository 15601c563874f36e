-- W3C trace context of the transaction that wrote the event, so the relay can continue the trace
-- into the Kafka record (header traceparent). Null when tracing is off or there was no trace.
alter table outbox_event add column trace_parent varchar(100);
