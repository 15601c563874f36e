package cn.jiaozuo.biodiversity.patrol.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MediaRequest", description = "A photo, video or sound file already uploaded elsewhere")
public record MediaRequest(
        @Schema(required = true, example = "https://media.jiaozuo-biodiversity.cn/patrol/2025-05-14/snare-01.jpg")
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", description = "Hex SHA-256 of the file")
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal characters") String sha256) {
}
