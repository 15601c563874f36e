package cn.jiaozuo.biodiversity.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anonymous_has_no_subject_roles_or_org() {
        assertTrue(Caller.ANONYMOUS.isAnonymous());
        assertFalse(Caller.ANONYMOUS.hasAny(Roles.ALL));
        assertTrue(Caller.ANONYMOUS.organisation().isEmpty());
        assertTrue(Caller.of(null).isAnonymous());
    }

    @Test
    void roles_are_checked_by_name() {
        Caller reviewer = new Caller("r-1", Set.of(Roles.REVIEWER), null);
        assertTrue(reviewer.has(Roles.REVIEWER));
        assertTrue(reviewer.hasAny(Roles.ADMIN, Roles.REVIEWER));
        assertFalse(reviewer.hasAny(Roles.ADMIN, Roles.RANGER));
    }

    @Test
    void org_claim_must_be_a_short_non_blank_string() {
        assertEquals("forestry-bureau", Caller.org(Json.createValue(" forestry-bureau ")));
        assertEquals("forestry-bureau", Caller.org("forestry-bureau"));
        assertNull(Caller.org(Json.createValue("  ")));
        assertNull(Caller.org(Json.createValue(42)));
        assertNull(Caller.org(List.of("a")));
        assertNull(Caller.org("x".repeat(Caller.MAX_ORG_LENGTH + 1)));
        assertNull(Caller.org(null));
    }
}
