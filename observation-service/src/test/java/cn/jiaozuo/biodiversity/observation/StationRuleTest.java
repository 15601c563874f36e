package cn.jiaozuo.biodiversity.observation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.ObservationRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may name a station in an upload, without a service: its bound identity, or an admin. */
class StationRuleTest {

    @Test
    void the_bound_identity_may_name_its_station_whatever_its_role() {
        assertTrue(ObservationRules.mayNameStation("station-ct-1", new Caller("station-ct-1", Set.of(Roles.STATION), null)));
        assertTrue(ObservationRules.mayNameStation("ranger-li", new Caller("ranger-li", Set.of(Roles.RANGER), null)));
    }

    @Test
    void another_identity_may_not_and_an_unknown_or_unbound_station_is_nobodys() {
        assertFalse(ObservationRules.mayNameStation("station-ct-1", new Caller("station-ct-2", Set.of(Roles.STATION), null)));
        assertFalse(ObservationRules.mayNameStation("station-ct-1", new Caller("ranger-li", Set.of(Roles.RANGER), null)));
        assertFalse(ObservationRules.mayNameStation(null, new Caller("station-ct-1", Set.of(Roles.STATION), null)));
        assertFalse(ObservationRules.mayNameStation(null, new Caller(null, Set.of(Roles.STATION), null)));
    }

    @Test
    void an_admin_may_name_any_station_also_one_not_registered() {
        assertTrue(ObservationRules.mayNameStation("station-ct-1", new Caller("admin-zhang", Set.of(Roles.ADMIN, Roles.STATION), null)));
        assertTrue(ObservationRules.mayNameStation(null, new Caller("admin-zhang", Set.of(Roles.ADMIN, Roles.RANGER), null)));
    }
}
