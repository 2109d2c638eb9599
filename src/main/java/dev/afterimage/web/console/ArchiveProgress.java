package dev.afterimage.web.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far a first archive has come: accounts read at least once, and media files downloaded against those still
 * owed (a poll downloads a bounded number, so a large account's pictures arrive over several polls).
 *
 * @param accounts enabled accounts; 0 on an account's own page
 * @param accountsRead of those, how many were polled at least once
 * @param mediaKept files downloaded and stored
 * @param mediaOwed files seen in posts and not downloaded yet (some may never come: gone at the source)
 * @param bars one labelled bar per measure, as SVG
 */
public record ArchiveProgress(long accounts, long accountsRead, long mediaKept, long mediaOwed, List<Bar> bars) {

    /** One measure: its words and its bar. */
    public record Bar(String label, String svg) {}

    private static final int WIDTH = 480;
    private static final int HEIGHT = 14;

    static ArchiveProgress of(long accounts, long accountsRead, long mediaKept, long mediaOwed) {
        List<Bar> bars = new ArrayList<>();
        if (accounts > accountsRead) {
            bars.add(bar(
                    "accounts-read",
                    String.format(Locale.ROOT, "%,d of %,d accounts read at least once", accountsRead, accounts),
                    accountsRead,
                    accounts));
        }
        if (mediaOwed > 0) {
            bars.add(bar(
                    "media-kept",
                    String.format(
                            Locale.ROOT,
                            "%,d of %,d media files downloaded; %,d still to fetch",
                            mediaKept,
                            mediaKept + mediaOwed,
                            mediaOwed),
                    mediaKept,
                    mediaKept + mediaOwed));
        }
        return new ArchiveProgress(accounts, accountsRead, mediaKept, mediaOwed, List.copyOf(bars));
    }

    /** Whether anything is still being caught up on; the page shows the progress only then. */
    public boolean inProgress() {
        return !bars.isEmpty();
    }

    private static Bar bar(String id, String label, long done, long total) {
        double share = total == 0 ? 1 : (double) done / total;
        int percent = (int) Math.floor(share * 100);
        String svg = "<svg class=\"progress-bar\" id=\"progress-" + id + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"" + percent
                + "\" aria-label=\"" + label + "\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" rx=\"3\" fill=\"#e5e7eb\"/>"
                + "<rect width=\"" + String.format(Locale.ROOT, "%.1f", WIDTH * share) + "\" height=\"" + HEIGHT
                + "\" rx=\"3\" fill=\"#3b6ea8\"/></svg>";
        return new Bar(label + " (" + percent + "%)", svg);
    }
}
