package cn.jiaozuo.biodiversity.observation.domain;

/** A photo, video or recording attached to an observation; the file itself lives elsewhere. */
public record MediaRef(String url, String sha256) {
}
