package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A protected area the plan names, with the Jiaozuo counties it lies in (Flyway-seeded). */
@Entity
@Table(name = "protected_area")
public class ProtectedArea {

    @Id
    public String id;

    @Column(name = "chinese_name", nullable = false)
    public String chineseName;

    @Column(name = "english_name", nullable = false)
    public String englishName;

    /** NATURE_RESERVE, FOREST_PARK, GEOPARK or WETLAND_PARK. */
    @Column(nullable = false)
    public String category;

    /** NATIONAL or PROVINCIAL. */
    @Column(nullable = false)
    public String level;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "protected_area_county", joinColumns = @JoinColumn(name = "protected_area_id"))
    @Column(name = "county_code")
    @OrderBy
    public List<String> countyCodes = new ArrayList<>();
}
