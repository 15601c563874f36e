package cn.jiaozuo.biodiversity.alert.domain;

/** The emergency plan's first steps on a disease alert (docs/biosecurity.md), in the order the plan lists them. */
public enum ChecklistStep {
    /** Cordon off the site: no people, dogs or poultry near the carcasses. */
    ISOLATE_SITE,
    /** Report to the animal-health authority (动物疫病预防控制中心) and up the bureau's line. */
    NOTIFY,
    /** Samples taken and sent to a laboratory. */
    SAMPLE,
    /** Carcasses removed safely and the site disinfected. */
    DISINFECT
}
