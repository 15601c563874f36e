package cn.jiaozuo.biodiversity.plot.repository;

import cn.jiaozuo.biodiversity.plot.domain.ProtectedArea;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProtectedAreaRepository implements PanacheRepositoryBase<ProtectedArea, String> {
}
