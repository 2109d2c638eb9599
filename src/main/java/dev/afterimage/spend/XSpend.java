package dev.afterimage.spend;

import java.math.BigDecimal;

/**
 * X's use and its estimated cost over a period.
 *
 * @param cost posts read × the configured price
 * @param projectedMonth the month's cost at this pace, to the month's end (for a month so far)
 * @param budget the monthly budget, or null when none is set
 * @param slowed whether scheduled X polls are slowed now to stay within the budget
 */
public record XSpend(
        long requests,
        long postsRead,
        long events,
        BigDecimal cost,
        BigDecimal projectedMonth,
        BigDecimal budget,
        boolean slowed) {}
