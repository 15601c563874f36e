package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.AlertRule;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AlertRuleRepository implements PanacheRepositoryBase<AlertRule, RuleCode> {
}
