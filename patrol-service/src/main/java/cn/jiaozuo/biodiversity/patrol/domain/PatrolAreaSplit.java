package cn.jiaozuo.biodiversity.patrol.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * One row of {@code patrol_area_effort} as the listing's area filters see it ({@code GET /patrols?plotCode=…}). The
 * rows are written and re-split by {@link AreaEffort} through SQL; this mapping only lets a query ask which patrols
 * entered an area, and is never written.
 */
@Entity
@Table(name = "patrol_area_effort")
public class PatrolAreaSplit {

    @EmbeddedId
    public Key key;

    @Column(name = "distance_m", nullable = false)
    public double distanceM;

    @Column(name = "duration_s", nullable = false)
    public double durationS;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "patrol_uuid", nullable = false)
        public UUID patrolUuid;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 20)
        public AreaKind kind;

        @Column(name = "area_id", nullable = false, length = 60)
        public String areaId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(patrolUuid, k.patrolUuid) && kind == k.kind
                    && java.util.Objects.equals(areaId, k.areaId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(patrolUuid, kind, areaId);
        }
    }
}
