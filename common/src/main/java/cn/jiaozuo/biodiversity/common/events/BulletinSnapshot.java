package cn.jiaozuo.biodiversity.common.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code BulletinPublished} on {@link Topics#BULLETINS} (key = {@code id}): one archived version of a
 * monitoring bulletin (简报). Carries links, not the document: readers fetch it from bulletin-service with their own
 * token (the internal edition is not public).
 *
 * @param scope       CITY, TAIHANG, YELLOW_RIVER or a county code
 * @param edition     INTERNAL or PUBLIC
 * @param version     1 for the first generation of this period, scope and edition; +1 on each regeneration
 * @param contentHash SHA-256 (hex) of the stored figures, the same for the same data
 * @param htmlPath    path of the HTML document on bulletin-service, e.g. {@code /bulletins/{id}.html}
 * @param pdfPath     path of the PDF document on bulletin-service
 */
public record BulletinSnapshot(
        UUID id,
        String title,
        String scope,
        String edition,
        LocalDate periodFrom,
        LocalDate periodTo,
        int version,
        String contentHash,
        String htmlPath,
        String pdfPath,
        Instant generatedAt) {
}
