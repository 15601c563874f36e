package cn.jiaozuo.biodiversity.bulletin.domain;

import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.MapCounty;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.MapFigure;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.MapMark;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The map of a bulletin (docs/bulletins.md, "Map"), pure: the scope's frame and outlines, and the records' places
 * generalized — species that are not sensitive to 0.01° cells (about a kilometre), sensitive ones to 0.1° cells
 * (about ten), and in the public edition sensitive ones to their county only. No exact place leaves the read model.
 */
final class MapRules {

    static final String FINE = "CELL_0_01";
    static final String COARSE = "CELL_0_1";
    static final String COUNTY = "COUNTY";

    private MapRules() {
    }

    static MapFigure map(Scope scope, Facts facts, boolean internal, int publicMinCount) {
        double west = 180;
        double south = 90;
        double east = -180;
        double north = -90;
        List<MapCounty> counties = new ArrayList<>();
        for (String code : scope.counties()) {
            JiaozuoCounty.Extent e = JiaozuoCounty.byCode(code).orElseThrow().extent();
            west = Math.min(west, e.west());
            south = Math.min(south, e.south());
            east = Math.max(east, e.east());
            north = Math.max(north, e.north());
            List<String> rings = facts.outlines().stream().filter(o -> o.countyCode().equals(code))
                    .flatMap(o -> o.rings().stream()).map(MapRules::ring).filter(r -> !r.isEmpty()).toList();
            counties.add(new MapCounty(code, Scope.countyName(code), !rings.isEmpty(), rings));
        }
        // Key: precision, then the place in micro-degrees — a sorted map gives the same order for the same facts.
        Map<String, long[]> marks = new TreeMap<>();
        for (Facts.Point p : facts.points()) {
            String key;
            if (!p.sensitive()) {
                key = cell(FINE, p, 10_000);
            } else if (internal) {
                key = cell(COARSE, p, 100_000);
            } else {
                JiaozuoCounty.Extent e = JiaozuoCounty.byCode(p.countyCode()).orElseThrow().extent();
                key = COUNTY + "|" + micro((e.south() + e.north()) / 2) + "|" + micro((e.west() + e.east()) / 2);
            }
            marks.computeIfAbsent(key, k -> new long[1])[0]++;
        }
        List<MapMark> list = new ArrayList<>();
        marks.forEach((key, count) -> {
            String[] parts = key.split("\\|");
            boolean hide = !internal && count[0] > 0 && count[0] < publicMinCount;
            list.add(new MapMark(Long.parseLong(parts[1]) / 1e6, Long.parseLong(parts[2]) / 1e6, parts[0],
                    hide ? null : count[0], hide));
        });
        return new MapFigure(west, south, east, north, counties, list);
    }

    /** The centre of the cell of {@code size} micro-degrees holding the point (integer arithmetic: no edge drift). */
    private static String cell(String precision, Facts.Point p, long size) {
        long lat = Math.floorDiv(micro(p.lat()), size) * size + size / 2;
        long lon = Math.floorDiv(micro(p.lon()), size) * size + size / 2;
        return precision + "|" + lat + "|" + lon;
    }

    private static long micro(double degrees) {
        return Math.round(degrees * 1e6);
    }

    /** A ring as "lon,lat …" at 3 decimals (about 100 m, plenty for a page), repeated points dropped. */
    private static String ring(List<double[]> points) {
        StringBuilder text = new StringBuilder();
        String last = null;
        int n = 0;
        for (double[] point : points) {
            String pair = String.format(Locale.ROOT, "%.3f,%.3f", point[0], point[1]);
            if (!pair.equals(last)) {
                if (n++ > 0) {
                    text.append(' ');
                }
                text.append(pair);
                last = pair;
            }
        }
        return n >= 3 ? text.toString() : "";
    }
}
