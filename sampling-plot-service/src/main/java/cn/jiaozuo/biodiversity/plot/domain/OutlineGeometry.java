package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.geo.Gcj02;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prepares an outline's GeoJSON for {@link PlotGeometry}: keeps only {@code type} and {@code coordinates} (what is
 * stored and published) and, for GCJ-02 input, converts every position to WGS-84 first, so the rules (inside
 * Jiaozuo, valid polygon) judge the geometry as it will be stored. Anything malformed is left as it is for
 * {@link PlotGeometry#parse} to name.
 */
public final class OutlineGeometry {

    /** 1e-7° is about a centimetre: converted positions need not carry the transform's last binary digits. */
    private static final double ROUND = 1e7;

    private OutlineGeometry() {
    }

    public static JsonNode normalized(JsonNode geometry, boolean gcj02) {
        if (geometry == null || !geometry.isObject()) {
            return geometry;
        }
        ObjectNode normalized = JsonNodeFactory.instance.objectNode();
        normalized.set("type", geometry.get("type"));
        JsonNode coordinates = geometry.get("coordinates");
        normalized.set("coordinates", gcj02 && coordinates != null ? toWgs84(coordinates) : coordinates);
        return normalized;
    }

    private static JsonNode toWgs84(JsonNode node) {
        if (!node.isArray()) {
            return node;
        }
        if (node.size() >= 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
            double lon = node.get(0).doubleValue();
            double lat = node.get(1).doubleValue();
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                return node; // out of range: PlotGeometry says so, with the value the client sent
            }
            Gcj02.LatLon wgs = Gcj02.toWgs84(lat, lon);
            ArrayNode position = JsonNodeFactory.instance.arrayNode();
            position.add(Math.round(wgs.lon() * ROUND) / ROUND);
            position.add(Math.round(wgs.lat() * ROUND) / ROUND);
            return position;
        }
        ArrayNode converted = JsonNodeFactory.instance.arrayNode();
        node.forEach(child -> converted.add(toWgs84(child)));
        return converted;
    }
}
