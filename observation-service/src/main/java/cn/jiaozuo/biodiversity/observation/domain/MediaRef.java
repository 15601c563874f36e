package cn.jiaozuo.biodiversity.observation.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A photo, video or recording attached to an observation; the file itself lives elsewhere. The constraints apply
 * where a record is taken in ({@link RecordObservation}).
 */
public record MediaRef(
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal characters") String sha256) {
}
