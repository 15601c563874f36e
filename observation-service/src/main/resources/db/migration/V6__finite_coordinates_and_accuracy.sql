-- Every stored number finite and in range. Intake refuses NaN and Infinity (they came in as the JSON strings
-- "Infinity"/"NaN" or through a Camtrap DP coordinateUncertainty), but rows stored before then would break every
-- export that reads them, and no writer should be able to store such a value again.
-- (PostgreSQL orders NaN above every number, so a range check refuses NaN as well as both infinities.)

-- An accuracy that is not a finite, non-negative number of metres says nothing: the point's accuracy is unknown.
update observation set accuracy_m = null
 where accuracy_m is not null and not (accuracy_m >= 0 and accuracy_m < 'Infinity'::double precision);

-- Intake never accepted a point outside Jiaozuo, so a non-finite coordinate can only have been written by hand:
-- such a row locates nothing and cannot be repaired, so it goes.
delete from observation
 where not (lat between -90 and 90 and lon between -180 and 180
            and original_lat between -90 and 90 and original_lon between -180 and 180);

alter table observation
    add constraint observation_accuracy_finite check (accuracy_m >= 0 and accuracy_m < 'Infinity'::double precision),
    add constraint observation_point_finite check (lat between -90 and 90 and lon between -180 and 180),
    add constraint observation_original_point_finite
        check (original_lat between -90 and 90 and original_lon between -180 and 180);
