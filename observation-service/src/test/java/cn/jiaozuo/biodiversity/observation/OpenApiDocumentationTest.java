package cn.jiaozuo.biodiversity.observation;

import cn.jiaozuo.biodiversity.testsupport.OpenApiDocumentationSpec;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The OpenAPI document describes every endpoint: who may call it, what it answers, with examples. */
@QuarkusTest
class OpenApiDocumentationTest extends OpenApiDocumentationSpec {

    @Override
    protected List<String> paths() {
        return List.of("/observations", "/observations/batch", "/observations/{uuid}", "/observations/{uuid}/review",
                "/species", "/species/{id}", "/observations.geojson", "/observations.csv", "/exports/dwca",
                "/imports/camtrap-dp", "/indicators");
    }

    @Override
    protected List<String> examples() {
        return List.of("\"Troop of four on the cliff path\"", "Ambrosia artemisiifolia", "\"VERIFIED\"",
                "FeatureCollection", "protectionRateTarget", "observationType 'blank'");
    }
}
