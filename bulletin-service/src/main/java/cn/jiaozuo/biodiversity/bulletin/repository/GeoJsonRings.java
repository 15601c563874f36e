package cn.jiaozuo.biodiversity.bulletin.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The rings of a GeoJSON Polygon or MultiPolygon as [lon, lat] pairs; anything else has none. */
final class GeoJsonRings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonRings() {
    }

    static List<List<double[]>> of(String geometry) {
        List<List<double[]>> rings = new ArrayList<>();
        try {
            JsonNode g = JSON.readTree(geometry);
            String type = g.path("type").asText();
            JsonNode coordinates = g.path("coordinates");
            if ("Polygon".equals(type)) {
                polygon(coordinates, rings);
            } else if ("MultiPolygon".equals(type)) {
                coordinates.forEach(p -> polygon(p, rings));
            }
        } catch (Exception e) {
            return List.of(); // unreadable: the map draws the county's extent instead
        }
        return rings;
    }

    private static void polygon(JsonNode polygon, List<List<double[]>> rings) {
        for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode position : ring) {
                if (position.size() >= 2 && position.get(0).isNumber() && position.get(1).isNumber()) {
                    points.add(new double[] {position.get(0).asDouble(), position.get(1).asDouble()});
                }
            }
            if (points.size() >= 3) {
                rings.add(points);
            }
        }
    }
}
