package cn.jiaozuo.biodiversity.bulletin.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * GET /bulletins: each field null when not asked for. {@code from}/{@code to} select bulletins whose period lies
 * within them; the page continues after ({@code afterGeneratedAt}, {@code afterId}), newest first.
 */
public record BulletinFilter(String scope, Edition edition, LocalDate from, LocalDate to, int limit, Instant afterGeneratedAt,
        UUID afterId) {
}
