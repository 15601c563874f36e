package cn.jiaozuo.biodiversity.bulletin.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scope a bulletin can cover. */
@Schema(name = "BulletinScope")
public record ScopeView(@Schema(example = "TAIHANG") String code, @Schema(example = "北部太行山优先区域") String name,
        @Schema(example = "[\"410803\", \"410821\", \"410822\", \"410882\"]") List<String> counties) {
}
