package dev.afterimage.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** When a post outside the watch window is next asked about, by its age. */
final class RecheckSchedule {

    private final List<Duration> ages;

    RecheckSchedule(List<Duration> ages) {
        if (ages.isEmpty()
                || ages.stream().anyMatch(age -> age.isNegative() || age.isZero())
                || ages.stream().distinct().count() != ages.size()) {
            throw new IllegalArgumentException(
                    "afterimage.detect.recheck-ages must be distinct positive durations, got " + ages);
        }
        this.ages = ages.stream().sorted().toList();
    }

    /** The first scheduled check strictly after {@code now}; null when the publication time is unknown. */
    Instant next(Instant publishedAt, Instant now) {
        if (publishedAt == null) {
            return null;
        }
        for (Duration age : ages) {
            Instant due = publishedAt.plus(age);
            if (due.isAfter(now)) {
                return due;
            }
        }
        Duration last = ages.get(ages.size() - 1);
        Duration spacing = ages.size() > 1 ? last.minus(ages.get(ages.size() - 2)) : last;
        long beyond = Duration.between(publishedAt.plus(last), now).toMillis() / spacing.toMillis() + 1;
        return publishedAt.plus(last).plus(spacing.multipliedBy(beyond));
    }
}
