package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import java.util.Set;

/**
 * Which alert events a subscription wants. Every non-empty criterion must match; an empty or null
 * criterion matches everything.
 */
public record AlertFilter(Set<Long> speciesIds, Set<String> groups, Set<String> countyCodes, Severity minSeverity,
        Set<RuleCode> rules) {

    public boolean matches(AlertSnapshot alert) {
        return (empty(speciesIds) || (alert.speciesId() != null && speciesIds.contains(alert.speciesId())))
                && (empty(groups) || (alert.speciesGroup() != null && groups.contains(alert.speciesGroup())))
                && (empty(countyCodes) || countyCodes.contains(alert.countyCode()))
                && (minSeverity == null || Severity.valueOf(alert.severity()).atLeast(minSeverity))
                && (empty(rules) || rules.contains(RuleCode.valueOf(alert.rule())));
    }

    private static boolean empty(Set<?> set) {
        return set == null || set.isEmpty();
    }
}
