package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A sample of a mortality report sent to a laboratory, and its result. */
@Entity
@Table(name = "mortality_sample")
@IdClass(MortalitySample.Key.class)
public class MortalitySample {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Id
    @Column(name = "sample_id")
    public String sampleId;

    public String lab;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Enumerated(EnumType.STRING)
    public SampleResult result;

    public String pathogen;

    @Column(name = "result_date")
    public LocalDate resultDate;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The primary key: report and the sample id the lab knows. */
    public static class Key implements Serializable {

        public UUID reportId;
        public String sampleId;

        public Key() {
        }

        public Key(UUID reportId, String sampleId) {
            this.reportId = reportId;
            this.sampleId = sampleId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(reportId, k.reportId) && Objects.equals(sampleId, k.sampleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, sampleId);
        }
    }
}
