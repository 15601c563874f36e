package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "protected_area_outline")
public class ProtectedAreaOutline extends AreaOutline {

    @Id
    @Column(name = "protected_area_id")
    public String protectedAreaId;
}
