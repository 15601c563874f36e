package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county-level division of Jiaozuo (Flyway-seeded reference data). */
@Entity
@Table(name = "county")
public class County {

    @Id
    public String code;

    @Column(name = "chinese_name", nullable = false)
    public String chineseName;

    @Column(name = "english_name", nullable = false)
    public String englishName;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority_area")
    public PriorityArea priorityArea;
}
