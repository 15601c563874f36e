package cn.jiaozuo.biodiversity.observation.domain;

/** The taxonomic group a species is filed under. */
public enum SpeciesGroup {
    MAMMAL, BIRD, REPTILE, AMPHIBIAN, FISH, INSECT, PLANT, NEMATODE, MOLLUSC, OTHER
}
