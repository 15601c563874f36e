package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A species of the catalog. Never an API payload: resources answer with {@code SpeciesView}. */
@Entity
@Table(name = "species")
public class Species {

    @Id
    public Long id;

    @Column(name = "scientific_name", nullable = false)
    public String scientificName;

    @Column(name = "chinese_name", nullable = false)
    public String chineseName;

    @Column(name = "english_name")
    public String englishName;

    @Enumerated(EnumType.STRING)
    @Column(name = "species_group", nullable = false)
    public SpeciesGroup group;

    @Enumerated(EnumType.STRING)
    @Column(name = "protection_level", nullable = false)
    public ProtectionLevel protectionLevel;

    @Column(nullable = false)
    public boolean invasive;

    @Column(nullable = false)
    public boolean sensitive;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The {@link #updatedAt} of the state last published ({@code SpeciesUpserted}); null before the first. */
    @Column(name = "published_updated_at")
    public Instant publishedUpdatedAt;

    public SpeciesSnapshot snapshot() {
        return new SpeciesSnapshot(id, scientificName, chineseName, englishName, group.name(), protectionLevel.name(),
                invasive, sensitive);
    }
}
