package cn.jiaozuo.biodiversity.common.events;

/**
 * The species as it was when an event was written, so consumers need no call back to the catalog.
 * {@code group} is a SpeciesGroup name (MAMMAL, BIRD, …), {@code protectionLevel} one of
 * NATIONAL_I, NATIONAL_II, PROVINCIAL, NONE.
 */
public record SpeciesSnapshot(
        long id,
        String scientificName,
        String chineseName,
        String englishName,
        String group,
        String protectionLevel,
        boolean invasive,
        boolean sensitive) {
}
