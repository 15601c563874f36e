package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One state of a plot as it was after a change (the JSON of the PlotSnapshot event it caused). */
@Entity
@Table(name = "plot_revision")
public class PlotRevision {

    @Embeddable
    public record Key(@Column(name = "plot_code") String plotCode, @Column(name = "revision") int revision)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(nullable = false)
    public String snapshot;
}
