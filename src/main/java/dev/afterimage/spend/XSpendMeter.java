package dev.afterimage.spend;

import dev.afterimage.source.x.XUsage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The spend meter for X: drains the in-memory counts of reads and events into one row per UTC day, estimates the
 * spend per day and month, publishes it as metrics, and tells the scheduler when X polls must slow down to keep
 * within {@code afterimage.platforms.x.monthly-budget}. Pushed events are never slowed: they cost nothing to wait for
 * and are the fastest way to see a deletion.
 */
@ApplicationScoped
public class XSpendMeter {

    private final XUsage usage;
    private final XSpendConfig config;
    private final Clock clock;
    private volatile XSpend today = empty();
    private volatile XSpend month = empty();

    XSpendMeter(XUsage usage, XSpendConfig config, Clock clock, MeterRegistry metrics) {
        this.usage = usage;
        this.config = config;
        this.clock = clock;
        Gauge.builder("afterimage.x.posts.read", this, meter -> meter.today.postsRead())
                .description("X posts read today (UTC), each billed")
                .tag("period", "day")
                .register(metrics);
        Gauge.builder("afterimage.x.posts.read", this, meter -> meter.month.postsRead())
                .description("X posts read this month (UTC), each billed")
                .tag("period", "month")
                .register(metrics);
        Gauge.builder("afterimage.x.events", this, meter -> meter.month.events())
                .description("X Activity API events received this month")
                .tag("period", "month")
                .register(metrics);
        Gauge.builder("afterimage.x.spend", this, meter -> meter.today.cost().doubleValue())
                .description("estimated X spend today")
                .tag("period", "day")
                .register(metrics);
        Gauge.builder("afterimage.x.spend", this, meter -> meter.month.cost().doubleValue())
                .description("estimated X spend this month")
                .tag("period", "month")
                .register(metrics);
        Gauge.builder("afterimage.x.spend.projected", this, meter -> meter.month
                        .projectedMonth()
                        .doubleValue())
                .description("this month's X spend at the current pace")
                .register(metrics);
    }

    /** Every few seconds: the counts are cheap to lose only this far, and a write every poll would be wasteful. */
    @Scheduled(
            every = "10s",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        record(usage.drain());
        refresh();
    }

    /** On shutdown, before the database goes: the counts of the last seconds are kept too. */
    void lastFlush(@Observes ShutdownEvent event) {
        record(usage.drain());
    }

    /** Today's use and spend (UTC), as of the last flush. */
    public XSpend today() {
        return today;
    }

    /** This month's use and spend (UTC), as of the last flush. */
    public XSpend month() {
        return month;
    }

    /**
     * Whether a scheduled poll of an X account last polled at {@code lastPollAt} with this interval is to be skipped
     * now: only while the month runs ahead of its budget, and only until the slowed interval has passed.
     */
    public boolean defers(Instant lastPollAt, Duration interval) {
        return month.slowed()
                && lastPollAt != null
                && Duration.between(lastPollAt, clock.instant())
                                .compareTo(interval.multipliedBy(config.spend().slowdownFactor()))
                        < 0;
    }

    @Transactional
    void record(XUsage.Counts counts) {
        if (counts.isEmpty()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        XSpendDay row = XSpendDay.findById(day);
        if (row == null) {
            row = new XSpendDay();
            row.spendDay = day;
            row.persist();
        }
        row.requests += counts.requests();
        row.postsRead += counts.postsRead();
        row.events += counts.events();
    }

    @Transactional
    void refresh() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        YearMonth thisMonth = YearMonth.from(day);
        List<XSpendDay> days =
                XSpendDay.list("spendDay >= ?1 and spendDay <= ?2", thisMonth.atDay(1), thisMonth.atEndOfMonth());
        long requests = 0;
        long posts = 0;
        long events = 0;
        XSpendDay todays = null;
        for (XSpendDay row : days) {
            requests += row.requests;
            posts += row.postsRead;
            events += row.events;
            if (row.spendDay.equals(day)) {
                todays = row;
            }
        }
        BigDecimal price = config.spend().pricePerPost();
        BigDecimal budget = config.monthlyBudget().orElse(null);
        BigDecimal cost = price.multiply(BigDecimal.valueOf(posts));
        // The pace so far, carried to the month's end; the first day counts as a whole day, so one morning's
        // burst does not read as a month's overspend.
        double elapsed = Math.max(1, day.getDayOfMonth() - 1 + dayFraction());
        BigDecimal projected = cost.multiply(BigDecimal.valueOf(thisMonth.lengthOfMonth() / elapsed))
                .setScale(4, RoundingMode.HALF_UP);
        boolean slowed = budget != null && (projected.compareTo(budget) > 0 || cost.compareTo(budget) >= 0);
        month = new XSpend(requests, posts, events, cost, projected, budget, slowed);
        today = todays == null
                ? new XSpend(0, 0, 0, BigDecimal.ZERO, projected, budget, slowed)
                : new XSpend(
                        todays.requests,
                        todays.postsRead,
                        todays.events,
                        price.multiply(BigDecimal.valueOf(todays.postsRead)),
                        projected,
                        budget,
                        slowed);
    }

    private double dayFraction() {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return Duration.between(midnight, now).toSeconds() / 86_400.0;
    }

    private static XSpend empty() {
        return new XSpend(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, false);
    }
}
