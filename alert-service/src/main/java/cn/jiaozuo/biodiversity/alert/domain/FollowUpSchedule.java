package cn.jiaozuo.biodiversity.alert.domain;

/**
 * A species' follow-up rules: a survey every {@code intervalDays}, and ERADICATED after {@code negativesToEradicate}
 * consecutive negative follow-ups spanning at least {@code minEradicationDays} (first to last of the streak).
 */
public record FollowUpSchedule(int intervalDays, int negativesToEradicate, int minEradicationDays) {

    public FollowUpSchedule {
        if (intervalDays < 1 || negativesToEradicate < 1 || minEradicationDays < 0) {
            throw new IllegalArgumentException("A follow-up schedule needs an interval ≥ 1 day and ≥ 1 negative");
        }
    }
}
