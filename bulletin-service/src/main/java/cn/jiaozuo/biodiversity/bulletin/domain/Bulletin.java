package cn.jiaozuo.biodiversity.bulletin.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One archived version of a bulletin: its figures (JSON), HTML and PDF as generated, never changed afterwards.
 * Regenerating the same period, scope and edition adds a version; it does not replace this one.
 */
@Entity
@Table(name = "bulletin")
public class Bulletin {

    @Id
    public UUID id;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Column(nullable = false)
    public String scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Edition edition;

    /** 1 for the first generation of this period, scope and edition; +1 on each regeneration. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String figures;

    @Column(nullable = false, columnDefinition = "text")
    public String html;

    /** The PDF rendered from the HTML at generation; null for bulletins archived before PDFs existed. */
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "bytea")
    public byte[] pdf;

    /** SHA-256 (hex) of {@link #figures}: the same data gives the same hash (and the same HTML). */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "generated_by", nullable = false)
    public String generatedBy;
}
