package cn.jiaozuo.biodiversity.bulletin.api;

import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.Edition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulletin; {@code figures} only in GET /bulletins/{id} and POST /bulletins, null in lists. */
@Schema(name = "Bulletin")
public record BulletinView(
        @Schema(example = "6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a") UUID id,
        @Schema(example = "2026-10-01") LocalDate from,
        @Schema(example = "2026-10-31") LocalDate to,
        @Schema(example = "TAIHANG") String scope,
        @Schema(example = "INTERNAL") Edition edition,
        @Schema(example = "1", description = "1 for the first generation of this period, scope and edition; +1 on each regeneration") int version,
        @Schema(example = "焦作市生物多样性监测简报 · 北部太行山优先区域 · 2026年10月") String title,
        @Schema(example = "9f2b5c0e0d3c4b6f8a7e1d2c3b4a59687f6e5d4c3b2a19081726354453627180",
                description = "SHA-256 (hex) of the stored figures: the same data gives the same hash and the same HTML") String contentHash,
        @Schema(example = "2026-11-01T00:10:00Z") Instant generatedAt,
        @Schema(example = "scheduler", description = "Token subject of who asked, or scheduler") String generatedBy,
        @Schema(example = "/bulletins/6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a.html") String htmlUrl,
        @Schema(example = "/bulletins/6a1f0c4e-2b7d-4e58-9a3c-0d5e8f7b1c2a.pdf") String pdfUrl,
        @Schema(nullable = true) BulletinFigures figures) {
}
