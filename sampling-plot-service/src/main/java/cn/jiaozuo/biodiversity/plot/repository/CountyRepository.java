package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.County;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CountyRepository implements PanacheRepositoryBase<County, String> {
}
