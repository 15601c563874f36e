package cn.jiaozuo.biodiversity.bulletin.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An archived bulletin: its figures (JSON) and HTML as generated, never changed afterwards. */
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

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String figures;

    @Column(nullable = false, columnDefinition = "text")
    public String html;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "generated_by", nullable = false)
    public String generatedBy;
}
