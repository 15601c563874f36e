package cn.jiaozuo.biodiversity.patrol.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A photo, video or sound file stored elsewhere, by URL and (optionally) its SHA-256. */
@Embeddable
public record MediaRef(@Column(name = "url", nullable = false) String url, @Column(name = "sha256") String sha256) {
}
