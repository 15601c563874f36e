package cn.jiaozuo.biodiversity.observation.domain;

/**
 * A catalog entry as an admin gives it ({@link SpeciesService}); {@code id} null on a create: the service assigns one.
 * Names are trimmed when stored.
 */
public record SpeciesEntry(Long id, String scientificName, String chineseName, String englishName, SpeciesGroup group,
        ProtectionLevel protectionLevel, boolean invasive, boolean sensitive) {
}
