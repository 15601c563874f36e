package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.MediaRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Published as {@code MediaInput}, its name before requests were named {@code *Request}. */
@Schema(name = "MediaInput", description = "A photo, video or sound file already uploaded elsewhere")
public record MediaRequest(
        @Schema(example = "https://media.jiaozuo-biodiversity.cn/ct-017/2025-05-14/0412.jpg")
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", description = "Hex SHA-256 of the file")
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal characters") String sha256) {

    MediaRef toMedia() {
        return new MediaRef(url, sha256);
    }
}
