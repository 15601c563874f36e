package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.repository.AlertRuleRepository;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The stored alert rules and the admins' changes to their parameters. */
@ApplicationScoped
public class RuleService {

    /** New parameters of a rule: threshold and window together, or neither (no escalation). */
    public record RuleChange(boolean enabled, Integer escalationThreshold, Integer escalationWindowDays) {
    }

    private final AlertRuleRepository rules;

    public RuleService(AlertRuleRepository rules) {
        this.rules = rules;
    }

    public List<AlertRule> list() {
        return rules.listAll(Sort.by("id"));
    }

    /** Applies to observations consumed from now on; existing alerts keep their severity. */
    @Transactional
    public AlertRule update(RuleCode code, RuleChange change, String actor) {
        if ((change.escalationThreshold() == null) != (change.escalationWindowDays() == null)) {
            throw ProblemException.badRequest("escalationWindowDays",
                    "escalationThreshold and escalationWindowDays must be given together");
        }
        AlertRule rule = rules.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("No rule " + code));
        rule.enabled = change.enabled();
        rule.escalationThreshold = change.escalationThreshold();
        rule.escalationWindowDays = change.escalationWindowDays();
        rule.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        rule.updatedBy = actor;
        return rule;
    }
}
