package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A follow-up survey of a case's area: was the species found, and how densely; {@link #id} is the app's uuid. */
@Entity
@Table(name = "follow_up_survey")
public class FollowUpSurvey {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "surveyed_on")
    public LocalDate surveyedOn;

    public boolean found;

    public Double density;

    public String notes;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public boolean sameAs(UUID caseId, NewFollowUp f) {
        return this.caseId.equals(caseId) && surveyedOn.equals(f.surveyedOn()) && found == f.found()
                && Objects.equals(density, f.density()) && Objects.equals(notes, f.notes());
    }

    public ControlCaseStatusMachine.Survey asSurvey() {
        return new ControlCaseStatusMachine.Survey(surveyedOn, found);
    }
}
