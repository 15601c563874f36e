package cn.jiaozuo.biodiversity.patrol;

import cn.jiaozuo.biodiversity.testsupport.OpenApiDocumentationSpec;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The OpenAPI document describes every endpoint: who may call it, what it answers, with examples. */
@QuarkusTest
class OpenApiDocumentationTest extends OpenApiDocumentationSpec {

    @Override
    protected List<String> paths() {
        return List.of("/patrol-vocabulary", "/patrols", "/patrols/gpx", "/patrols/{uuid}", "/patrols/{uuid}.gpx",
                "/patrols/{uuid}.geojson", "/patrol-effort", "/patrols/{uuid}/incidents",
                "/patrols/{uuid}/candidates/{position}/incident");
    }

    @Override
    protected List<String> examples() {
        return List.of("三处钢丝套，已拆除", "ranger-xw-017", "GPSMAP 66i", "taihang-macaque-nnr", "ParseError at",
                "MultiLineString", "must lie within the patrol", "日常巡护", "回程发现钢丝套一处", "太行山猕猴国家级自然保护区");
    }
}
