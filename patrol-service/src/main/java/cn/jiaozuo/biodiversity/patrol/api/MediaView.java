package cn.jiaozuo.biodiversity.patrol.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Media")
public record MediaView(@Schema(required = true, example = "https://media.jiaozuo-biodiversity.cn/patrol/2025-05-14/snare-01.jpg") String url,
        @Schema(required = true, nullable = true, example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256) {
}
