package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.config.ControlCaseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The follow-up schedule of each species (configuration {@code control-cases.species}), else the default. */
@ApplicationScoped
public class FollowUpSchedules {

    private final Map<String, FollowUpSchedule> bySpecies = new HashMap<>();
    private final FollowUpSchedule defaults;

    public FollowUpSchedules(ControlCaseConfig config) {
        defaults = of(config.defaults());
        for (ControlCaseConfig.SpeciesSchedule s : config.species()) {
            bySpecies.put(binomial(s.scientificName()), of(s));
        }
    }

    public FollowUpSchedule forSpecies(String scientificName) {
        return bySpecies.getOrDefault(binomial(scientificName), defaults);
    }

    /** Genus and species epithet, lower case: authors, subspecies and varieties do not change the schedule. */
    static String binomial(String scientificName) {
        String[] words = scientificName.strip().split("\\s+");
        return (words.length < 2 ? words[0] : words[0] + " " + words[1]).toLowerCase(Locale.ROOT);
    }

    private static FollowUpSchedule of(ControlCaseConfig.Schedule s) {
        return new FollowUpSchedule(s.followUpIntervalDays(), s.negativesToEradicate(), s.minEradicationDays());
    }
}
