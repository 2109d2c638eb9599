package dev.afterimage.web.console;

import dev.afterimage.evidence.stamp.StampCoverage;
import java.time.Instant;
import java.util.List;

/**
 * Whether an RFC 3161 time-stamping authority has dated what a page shows, in words: who vouches for the time, and
 * when; or why nobody does yet.
 *
 * @param state {@code stamped}, {@code pending}, {@code off} or {@code empty}, as {@link StampCoverage} says
 * @param dates each authority's date, earliest first (only when stamped)
 * @param failures each authority's last failure (only when pending)
 */
public record TrustedTime(String state, String summary, List<Dated> dates, List<Failed> failures) {

    /** One authority's date, shown in the viewer's zone like every other time. */
    public record Dated(String tsa, Moment at, long headSeq) {}

    /** Why one authority has not dated it yet. */
    public record Failed(String tsa, String reason, Moment at) {}

    /**
     * @param what what the entry stands for, as the summary names it ("this post's newest record")
     */
    static TrustedTime of(StampCoverage coverage, String what, Instant now) {
        List<Dated> dates = coverage.dates().stream()
                .map(date -> new Dated(date.tsa(), Moment.of(date.genTime(), now), date.headSeq()))
                .toList();
        List<Failed> failures = coverage.failures().stream()
                .map(failed -> new Failed(failed.tsa(), failed.reason(), Moment.of(failed.at(), now)))
                .toList();
        String summary =
                switch (coverage.state()) {
                    case "stamped" ->
                        "Timestamped: " + what + " (evidence chain entry " + coverage.entrySeq()
                                + ") existed before " + dates.getFirst().at().utc() + ", as "
                                + (dates.size() == 1 ? "a time-stamping authority" : dates.size() + " authorities")
                                + " signed.";
                    case "pending" ->
                        failures.isEmpty()
                                ? "Timestamp pending: " + what + " (evidence chain entry " + coverage.entrySeq()
                                        + ") will be sent to the time-stamping authorities at their next turn."
                                : "Timestamp pending: the time-stamping authorities did not answer yet;"
                                        + " they are asked again later.";
                    case "off" ->
                        "No time-stamping authority is configured (afterimage.evidence.tsa-urls):"
                                + " only this instance vouches for when it archived this.";
                    default -> "Nothing archived yet, so nothing to timestamp.";
                };
        return new TrustedTime(coverage.state(), summary, dates, failures);
    }
}
