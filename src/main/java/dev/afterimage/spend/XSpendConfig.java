package dev.afterimage.spend;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What X reads cost and what may be spent ({@code afterimage.platforms.x.monthly-budget} and
 * {@code afterimage.platforms.x.spend.*}).
 */
@ConfigMapping(prefix = "afterimage.platforms.x")
public interface XSpendConfig {

    /**
     * The most to spend on X reads in a calendar month (UTC), in the currency of the price; none by default. When
     * the month's spend runs ahead of the budget's pace, scheduled polls of X accounts are slowed; pushed events
     * are never held back.
     */
    Optional<BigDecimal> monthlyBudget();

    /** Spend settings. */
    Spend spend();

    interface Spend {

        /** The price of one post read (X's pay-per-use price, USD 0.005 a post at the time of writing). */
        @WithDefault("0.005")
        BigDecimal pricePerPost();

        /** How many times longer than its interval an X account waits between scheduled polls while over budget. */
        @WithDefault("4")
        int slowdownFactor();
    }
}
