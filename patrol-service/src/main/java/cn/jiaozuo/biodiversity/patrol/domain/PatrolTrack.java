package cn.jiaozuo.biodiversity.patrol.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A patrol's kept track and dropped points, as JSON text ({@link TrackJson}): in a table of its own so that
 * listings never read megabytes of coordinates.
 */
@Entity
@Table(name = "patrol_track")
public class PatrolTrack {

    @Id
    @Column(name = "patrol_uuid")
    public UUID patrolUuid;

    @Column(nullable = false)
    public String lines;

    @Column(nullable = false)
    public String dropped;
}
