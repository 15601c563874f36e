package cn.jiaozuo.biodiversity.alert.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A follow-up survey as recorded. */
public record NewFollowUp(UUID id, LocalDate surveyedOn, boolean found, Double density, String notes) {
}
