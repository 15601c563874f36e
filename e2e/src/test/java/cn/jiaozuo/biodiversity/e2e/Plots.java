package cn.jiaozuo.biodiversity.e2e;

import static cn.jiaozuo.biodiversity.e2e.E2eStack.PLOTS;
import static cn.jiaozuo.biodiversity.e2e.E2eStack.as;

import java.util.List;
import java.util.Map;

/** Sampling plots created through sampling-plot-service's API, as an admin of the bureau does. */
public final class Plots {

    private Plots() {
    }

    /** A forest plot of county {@code countyCode}: a 0.004° square with its south-west corner at (lat, lon). Its code. */
    public static String createSquare(String countyCode, double lat, double lon, String name, List<String> methods) {
        List<List<Double>> ring = List.of(List.of(lon, lat), List.of(lon + 0.004, lat), List.of(lon + 0.004, lat + 0.004),
                List.of(lon, lat + 0.004), List.of(lon, lat));
        return as("admin", PLOTS).body(Map.of("name", name, "countyCode", countyCode, "ecosystem", "FOREST",
                        "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)), "methods", methods))
                .post("/plots").then().statusCode(201).extract().path("code");
    }
}
