package cn.jiaozuo.biodiversity.patrol.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Term", description = "One value of a patrol enumeration with its Chinese label")
public record TermView(@Schema(required = true, example = "SNARE") String code,
        @Schema(required = true, example = "猎套") String label) {
}
