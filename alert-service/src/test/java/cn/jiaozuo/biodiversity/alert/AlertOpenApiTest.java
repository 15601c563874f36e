package cn.jiaozuo.biodiversity.alert;

import cn.jiaozuo.biodiversity.testsupport.OpenApiDocumentationSpec;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The OpenAPI document describes every endpoint: who may call it, what it answers, with examples. */
@QuarkusTest
class AlertOpenApiTest extends OpenApiDocumentationSpec {

    @Override
    protected List<String> paths() {
        return List.of("/alerts", "/alerts/{id}", "/alerts/{id}/acknowledge", "/alerts/{id}/resolve", "/alerts/stream",
                "/rules", "/rules/{id}", "/subscriptions", "/subscriptions/{id}", "/subscriptions/{id}/deliveries",
                "/subscriptions/{id}/test", "/control-cases", "/control-cases/{id}", "/control-cases/summary",
                "/control-cases/{id}/actions", "/control-cases/{id}/follow-ups", "/control-cases/{id}/close",
                "/alerts/{id}/checklist/{step}", "/mortality-reports", "/mortality-reports/{id}",
                "/mortality-reports/{id}/samples", "/mortality-reports/{id}/samples/{sampleId}");
    }

    @Override
    protected List<String> examples() {
        return List.of("美国白蛾", "wasps (周氏啮小蜂)", "温县林业站防治队", "市林业局", "6f1c2a0e-2d7b-4c7e-9a55-3f0f3c1d2b11",
                "河南省动物疫病预防控制中心", "H5N1", "mengzhou-wetland-station", "ISOLATE_SITE");
    }
}
