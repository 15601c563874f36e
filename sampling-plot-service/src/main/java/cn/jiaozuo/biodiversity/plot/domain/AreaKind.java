package cn.jiaozuo.biodiversity.plot.domain;

import cn.jiaozuo.biodiversity.common.events.AreaSnapshot;

/** What an outline belongs to; the names are the {@code kind} of {@link AreaSnapshot} on topic geography. */
public enum AreaKind {
    COUNTY,
    PROTECTED_AREA;

    /** The record key on topic geography, e.g. {@code COUNTY:410821}. */
    public String key(String id) {
        return AreaSnapshot.key(name(), id);
    }
}
