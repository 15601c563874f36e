package cn.jiaozuo.biodiversity.patrol.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a cleaned track ({@code [[[lon, lat, "instant"|null], …], …]}, GeoJSON's axis order) and of its
 * dropped points. Written and read only here, so its shape is this service's own business.
 */
public final class TrackJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TrackJson() {
    }

    public static String lines(List<List<TrackPoint>> lines) {
        ArrayNode root = NODES.arrayNode();
        for (List<TrackPoint> line : lines) {
            ArrayNode out = root.addArray();
            for (TrackPoint p : line) {
                ArrayNode position = out.addArray().add(p.lon()).add(p.lat());
                if (p.time() == null) {
                    position.addNull();
                } else {
                    position.add(p.time().toString());
                }
            }
        }
        return write(root);
    }

    public static List<List<TrackPoint>> lines(String text) {
        List<List<TrackPoint>> lines = new ArrayList<>();
        for (JsonNode line : read(text)) {
            List<TrackPoint> points = new ArrayList<>(line.size());
            for (JsonNode p : line) {
                points.add(new TrackPoint(p.get(1).asDouble(), p.get(0).asDouble(), p.get(2).isNull() ? null : Instant.parse(p.get(2).asText())));
            }
            lines.add(points);
        }
        return lines;
    }

    public static String dropped(List<DroppedPoint> dropped) {
        ArrayNode root = NODES.arrayNode();
        for (DroppedPoint d : dropped) {
            ObjectNode o = root.addObject().put("segment", d.segment()).put("index", d.index()).put("lat", d.lat()).put("lon", d.lon())
                    .put("reason", d.reason().name());
            o.put("time", d.time() == null ? null : d.time().toString());
        }
        return write(root);
    }

    public static List<DroppedPoint> dropped(String text) {
        List<DroppedPoint> dropped = new ArrayList<>();
        for (JsonNode d : read(text)) {
            dropped.add(new DroppedPoint(d.get("segment").asInt(), d.get("index").asInt(), d.get("lat").asDouble(),
                    d.get("lon").asDouble(), d.get("time").isNull() ? null : Instant.parse(d.get("time").asText()),
                    DropReason.valueOf(d.get("reason").asText())));
        }
        return dropped;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A track cannot be written as JSON", e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored track is not JSON", e);
        }
    }
}
