-- Alerts on sensitive species (obscured: their point is a 0.1° cell) keep times only to the hour and
-- name no observation in their history: an exact time or a record id would tie the cell to the exact
-- record and, through its observer, to their other records' exact points. The service writes them so
-- from now on; this brings the alerts raised before into line.
update alert
   set first_observed_at = date_trunc('hour', first_observed_at, 'UTC'),
       last_observed_at  = date_trunc('hour', last_observed_at, 'UTC'),
       created_at        = date_trunc('hour', created_at, 'UTC'),
       updated_at        = date_trunc('hour', updated_at, 'UTC')
 where obscured;

update alert_history h
   set at = date_trunc('hour', h.at, 'UTC'),
       details = case
           when h.action = 'OBSERVATION_WITHDRAWN' then 'An observation was rejected in review'
           else regexp_replace(regexp_replace(h.details, '; observation [0-9a-f-]{36}', '', 'g'),
                               'Observation [0-9a-f-]{36}', 'An observation', 'g')
       end
  from alert a
 where a.id = h.alert_id and a.obscured;
