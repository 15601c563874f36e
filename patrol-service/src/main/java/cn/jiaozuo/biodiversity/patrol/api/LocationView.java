package cn.jiaozuo.biodiversity.patrol.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Location", description = "A WGS-84 point")
public record LocationView(@Schema(required = true, example = "35.4012") double lat,
        @Schema(required = true, example = "113.3521") double lon) {
}
