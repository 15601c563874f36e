package cn.jiaozuo.biodiversity.alert.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The robots' rate limits (WeCom and DingTalk 20 messages a minute per robot): a sliding window of the sends to each
 * robot. A message over the limit is not dropped but put back until the window has room. Per replica: with n
 * replicas a robot may see up to n times the limit, and its "too fast" answer is then retried like a busy one.
 */
public final class RobotRateLimiter {

    private final Map<String, Deque<Instant>> sends = new HashMap<>();

    /**
     * Takes a send to {@code robot} at {@code now} when fewer than {@code perMinute} went out in the minute before;
     * otherwise takes nothing and answers when there will be room.
     */
    public synchronized Optional<Instant> reserve(String robot, int perMinute, Duration window, Instant now) {
        Deque<Instant> recent = sends.computeIfAbsent(robot, r -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.pollFirst();
        }
        if (recent.size() < perMinute) {
            recent.addLast(now);
            return Optional.empty();
        }
        return Optional.of(recent.peekFirst().plus(window));
    }

    /** Forgets robots without a send in the last window, so the map does not grow with deleted subscriptions. */
    public synchronized void prune(Duration window, Instant now) {
        sends.values().removeIf(d -> d.isEmpty() || !d.peekLast().plus(window).isAfter(now));
    }
}
