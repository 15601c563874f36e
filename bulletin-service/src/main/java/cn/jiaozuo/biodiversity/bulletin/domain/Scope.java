package cn.jiaozuo.biodiversity.bulletin.domain;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a bulletin covers: the city ({@code CITY}), a priority area ({@code TAIHANG}, {@code YELLOW_RIVER}) or one
 * county (its GB/T 2260 code), with the counties that make it up.
 */
public record Scope(String code, String chineseName, List<String> counties) {

    public static final String CITY = "CITY";

    /** The scope of this code, or empty when it names none. */
    public static Optional<Scope> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (CITY.equals(code)) {
            return Optional.of(new Scope(CITY, "焦作市", Arrays.stream(JiaozuoCounty.values()).map(JiaozuoCounty::code).toList()));
        }
        for (PriorityArea area : PriorityArea.values()) {
            if (area.name().equals(code)) {
                return Optional.of(new Scope(code, area.chineseName(), Arrays.stream(JiaozuoCounty.values())
                        .filter(c -> c.priorityArea() == area).map(JiaozuoCounty::code).toList()));
            }
        }
        return JiaozuoCounty.byCode(code).map(c -> new Scope(c.code(), c.chineseName(), List.of(c.code())));
    }

    /** The scopes generated every month: the city and both priority areas. */
    public static List<Scope> monthly() {
        return List.of(of(CITY).orElseThrow(), of(PriorityArea.TAIHANG.name()).orElseThrow(),
                of(PriorityArea.YELLOW_RIVER.name()).orElseThrow());
    }

    /** The Chinese name of a county code (the code itself when unknown). */
    public static String countyName(String code) {
        return JiaozuoCounty.byCode(code).map(JiaozuoCounty::chineseName).orElse(code);
    }
}
