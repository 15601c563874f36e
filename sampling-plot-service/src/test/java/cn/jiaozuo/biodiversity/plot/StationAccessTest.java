package cn.jiaozuo.biodiversity.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.plot.domain.StationAccess;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The read rule of stations, without a service: reviewers and admins read all, a station token only its own. */
class StationAccessTest {

    @Test
    void reviewers_and_admins_read_every_station_also_an_unbound_one() {
        assertTrue(StationAccess.mayRead(Set.of(Roles.REVIEWER), "reviewer-wang", "station-ct-1"));
        assertTrue(StationAccess.mayRead(Set.of(Roles.ADMIN), "admin-zhang", null));
    }

    @Test
    void a_station_token_reads_only_the_stations_bound_to_its_subject() {
        assertTrue(StationAccess.mayRead(Set.of(Roles.STATION), "station-ct-1", "station-ct-1"));
        assertFalse(StationAccess.mayRead(Set.of(Roles.STATION), "station-ct-2", "station-ct-1"));
        assertFalse(StationAccess.mayRead(Set.of(Roles.STATION), "station-ct-2", null), "an unbound station is nobody's");
        assertFalse(StationAccess.mayRead(Set.of(Roles.STATION), null, null));
    }

    @Test
    void other_roles_read_no_station_even_one_bound_to_their_subject() {
        for (String role : new String[] {Roles.RANGER, Roles.BUREAU, "visitor"}) {
            assertFalse(StationAccess.mayRead(Set.of(role), "station-ct-1", "station-ct-1"), role);
        }
        assertFalse(StationAccess.mayRead(Set.of(), "station-ct-1", "station-ct-1"), "no role at all");
    }
}
