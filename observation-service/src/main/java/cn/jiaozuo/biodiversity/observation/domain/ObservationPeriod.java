package cn.jiaozuo.biodiversity.observation.domain;

import java.time.Instant;

/** The first and last listed time (observedAt; a sensitive species: its day) of a selection; both null when empty. */
public record ObservationPeriod(Instant first, Instant last) {
}
