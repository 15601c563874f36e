package cn.jiaozuo.biodiversity.observation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A place in the newest-first order of observations (keyset): reads continue strictly after it. The listed position
 * is (observedAt, uuid) for ordinary records and (start of the day in China, random key) for sensitive species, so a
 * page, its order and its cursor tell no more than what {@link Disclosure} shows ({@code V4__disclosure.sql}).
 */
public record ListPosition(Instant listedAt, UUID listedKey) {
}
