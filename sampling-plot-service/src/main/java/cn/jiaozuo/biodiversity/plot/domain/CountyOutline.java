package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "county_outline")
public class CountyOutline extends AreaOutline {

    @Id
    @Column(name = "county_code")
    public String countyCode;
}
