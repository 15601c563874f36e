package cn.jiaozuo.biodiversity.observation.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What a read of observations selects; null means "any". {@code concealed}, when set, leaves out records this caller
 * gets generalized (see {@link Concealed}); {@link Disclosure#restrict} sets it. Time filters compare the listed time
 * (a sensitive species' record: the start of its day in China, see {@code V4__disclosure.sql}).
 */
public record ObservationFilter(Long speciesId, String countyCode, String plotCode, Instant from, Instant to,
        ObservationStatus status, String observer, ObservationMethod method, Concealed concealed) {

    public ObservationFilter(Long speciesId, String countyCode, String plotCode, Instant from, Instant to,
            ObservationStatus status, String observer, ObservationMethod method) {
        this(speciesId, countyCode, plotCode, from, to, status, observer, method, null);
    }

    public ObservationFilter concealing(Concealed concealed) {
        return new ObservationFilter(speciesId, countyCode, plotCode, from, to, status, observer, method, concealed);
    }

    /**
     * Records to leave out: those of {@code speciesIds} (the sensitive ones) unless recorded by {@code exceptObserver}
     * (the caller; null when anonymous) — all of them, or with {@code recordedSince} only those recorded since then
     * (not released yet, see {@link Disclosure#releasedBefore}). {@code speciesIds} is never empty.
     */
    public record Concealed(Set<Long> speciesIds, String exceptObserver, Instant recordedSince) {
    }
}
