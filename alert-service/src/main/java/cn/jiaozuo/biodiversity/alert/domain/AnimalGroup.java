package cn.jiaozuo.biodiversity.alert.domain;

/**
 * What kind of animal a mortality report is about, as a ranger can tell from the carcass. Waterfowl are kept apart from
 * other birds (avian influenza surveillance watches them first); both count as wild birds for the cluster rule.
 */
public enum AnimalGroup {
    WATERFOWL, OTHER_BIRD, MAMMAL, REPTILE, AMPHIBIAN, FISH, OTHER;

    public boolean bird() {
        return this == WATERFOWL || this == OTHER_BIRD;
    }

    /** The group of a catalog species group (SpeciesSnapshot.group: BIRD, MAMMAL …) when the report names none. */
    public static AnimalGroup ofSpeciesGroup(String group) {
        if (group == null) {
            return OTHER;
        }
        return switch (group) {
            case "BIRD" -> OTHER_BIRD;
            case "MAMMAL" -> MAMMAL;
            case "REPTILE" -> REPTILE;
            case "AMPHIBIAN" -> AMPHIBIAN;
            case "FISH" -> FISH;
            default -> OTHER;
        };
    }
}
