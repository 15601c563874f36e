package cn.jiaozuo.biodiversity.bulletin;

import cn.jiaozuo.biodiversity.testsupport.OpenApiDocumentationSpec;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The OpenAPI document describes every endpoint: who may call it, what it answers, with examples. */
@QuarkusTest
class OpenApiDocumentationTest extends OpenApiDocumentationSpec {

    @Override
    protected List<String> paths() {
        return List.of("/bulletin-scopes", "/bulletins", "/bulletins/{id}", "/bulletins/{id}.html", "/bulletins/{id}.pdf");
    }

    @Override
    protected List<String> examples() {
        return List.of("本月首次在修武县记录到黑鹳", "Ciconia nigra", "南部黄河及滩区湿地优先区域", "chart-records", "公开版：少于 3 的数量不予公布");
    }
}
