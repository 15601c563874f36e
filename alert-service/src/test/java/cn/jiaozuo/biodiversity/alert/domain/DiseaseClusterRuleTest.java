package cn.jiaozuo.biodiversity.alert.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import cn.jiaozuo.biodiversity.alert.domain.DiseaseClusterRule.Decision;
import cn.jiaozuo.biodiversity.alert.domain.DiseaseClusterRule.Join;
import cn.jiaozuo.biodiversity.alert.domain.DiseaseClusterRule.Nothing;
import cn.jiaozuo.biodiversity.alert.domain.DiseaseClusterRule.Raise;
import cn.jiaozuo.biodiversity.alert.domain.DiseaseClusterRule.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cluster rule without storage, at its boundaries, with the defaults (N = 5 dead wild birds, R = 3 km, D = 3 days):
 * one bird short of N, or a metre or a minute beyond R or D, is no cluster; exactly N or D, or just within R, is one.
 */
class DiseaseClusterRuleTest {

    static final DiseaseClusterRule.Settings DEFAULTS = new DiseaseClusterRule.Settings(5, 3000, Duration.ofDays(3));
    /** The Yellow River wetland at 孟州. */
    static final double LAT = 34.87;
    static final double LON = 112.78;
    static final Instant T = Instant.parse("2026-11-28T00:00:00Z");
    /** Metres per degree of latitude on the rule's sphere (mean Earth radius 6 371 008.8 m). */
    static final double M_PER_DEG = 6_371_008.8 * Math.PI / 180;

    static Report report(int dead, double metresNorth, Duration later, UUID cluster) {
        return new Report(UUID.randomUUID(), LAT + metresNorth / M_PER_DEG, LON, T.plus(later), dead, cluster);
    }

    static Report report(int dead, double metresNorth, Duration later) {
        return report(dead, metresNorth, later, null);
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                // name, dead in the new report, dead in the other one, its distance (m), its time apart, cluster?
                Arguments.of("N-1 dead birds", 1, 3, 100.0, Duration.ZERO, false),
                Arguments.of("N dead birds", 1, 4, 100.0, Duration.ZERO, true),
                Arguments.of("N dead birds in the new report alone", 5, 0, 100.0, Duration.ZERO, true),
                Arguments.of("N dead birds 0.1 m within R", 1, 4, 2999.9, Duration.ZERO, true),
                Arguments.of("N dead birds 1 m beyond R", 1, 4, 3001.0, Duration.ZERO, false),
                Arguments.of("N dead birds exactly D before", 1, 4, 100.0, Duration.ofDays(-3), true),
                Arguments.of("N dead birds 1 min more than D before", 1, 4, 100.0, Duration.ofDays(-3).minusMinutes(1), false),
                Arguments.of("N dead birds exactly D after (reported late)", 1, 4, 100.0, Duration.ofDays(3), true),
                Arguments.of("N dead birds 1 min more than D after", 1, 4, 100.0, Duration.ofDays(3).plusMinutes(1), false),
                Arguments.of("sick birds do not count towards N", 0, 4, 100.0, Duration.ZERO, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void a_cluster_needs_n_dead_birds_within_r_and_d(String name, int deadNew, int deadOther, double metres,
            Duration apart, boolean cluster) {
        Report other = report(deadOther, metres, apart);
        Report added = report(deadNew, 0, Duration.ZERO);
        Decision decision = DiseaseClusterRule.decide(added, List.of(other), DEFAULTS);
        if (cluster) {
            assertEquals(new Raise(List.of(added.id(), other.id())), decision, name);
        } else {
            assertEquals(new Nothing(), decision, name);
        }
    }

    @Test
    void reports_far_from_each_other_count_when_the_new_one_is_within_r_of_both() {
        // 2.5 km south and 2.5 km north: 5 km apart, no cluster between them; the report in the middle makes one.
        Report south = report(3, -2500, Duration.ofHours(-5));
        Report north = report(1, 2500, Duration.ofHours(-2));
        Report middle = report(1, 0, Duration.ZERO);
        assertEquals(new Raise(List.of(middle.id(), south.id(), north.id())),
                DiseaseClusterRule.decide(middle, List.of(north, south), DEFAULTS));
    }

    @Test
    void a_report_near_a_live_cluster_joins_it_with_its_unclustered_neighbours_however_few_birds() {
        UUID alert = UUID.randomUUID();
        Report clustered = report(5, 1000, Duration.ofDays(-1), alert);
        Report loose = report(1, 4000, Duration.ofDays(-1));
        Report added = report(1, 2000, Duration.ZERO);
        Decision decision = DiseaseClusterRule.decide(added, List.of(clustered, loose), DEFAULTS);
        assertEquals(new Join(alert, List.of(added.id(), loose.id())), decision);
    }

    @Test
    void of_two_live_clusters_nearby_the_earlier_neighbours_gets_the_report() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        Report a = report(5, 500, Duration.ofHours(-30), older);
        Report b = report(5, -500, Duration.ofHours(-3), newer);
        Decision decision = DiseaseClusterRule.decide(report(1, 0, Duration.ZERO), List.of(b, a), DEFAULTS);
        assertEquals(older, assertInstanceOf(Join.class, decision).alertId());
    }

    @Test
    void the_report_itself_among_the_candidates_is_not_counted_twice() {
        Report added = report(4, 0, Duration.ZERO);
        assertEquals(new Nothing(), DiseaseClusterRule.decide(added, List.of(added), DEFAULTS));
    }
}
