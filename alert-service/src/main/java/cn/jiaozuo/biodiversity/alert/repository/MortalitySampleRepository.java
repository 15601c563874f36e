package cn.jiaozuo.biodiversity.alert.repository;

import cn.jiaozuo.biodiversity.alert.domain.MortalitySample;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MortalitySampleRepository implements PanacheRepositoryBase<MortalitySample, MortalitySample.Key> {

    public List<MortalitySample> ofReport(UUID reportId) {
        return list("reportId", Sort.ascending("sentAt", "sampleId"), reportId);
    }
}
