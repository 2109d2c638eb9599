package dev.afterimage.web.console;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Posts, deletions and edits per day as a small server-drawn SVG: three rows of bars sharing the days, each bar
 * titled with its day and count, the totals said in words for screen readers. No script, no chart library.
 *
 * @param id unique within the page, for the SVG's labelling
 * @param svg the drawing, safe to embed (only numbers, dates and fixed words in it)
 * @param summary e.g. "Last 30 days: 120 posts, 3 deletions, 7 edits"
 * @param days the numbers drawn, oldest first, for the table beside it
 */
public record ActivityChart(String id, String svg, String summary, List<ActivityDay> days) {

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 150;
    private static final int ROW_HEIGHT = 56;
    private static final int BAR_AREA = 40;
    private static final int AXIS_HEIGHT = 18;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private record Series(String name, String one, String unit, String colour, ToLongFunction<ActivityDay> count) {}

    private static final List<Series> SERIES = List.of(
            new Series("Posts published", "post", "posts", "#3b6ea8", ActivityDay::posts),
            new Series("Deletions", "deletion", "deletions", "#c0392b", ActivityDay::deletions),
            new Series("Edits", "edit", "edits", "#b7791f", ActivityDay::edits));

    static ActivityChart of(String id, List<ActivityDay> days) {
        long posts = days.stream().mapToLong(ActivityDay::posts).sum();
        long deletions = days.stream().mapToLong(ActivityDay::deletions).sum();
        long edits = days.stream().mapToLong(ActivityDay::edits).sum();
        String summary = "Last " + days.size() + " days: " + posts + " posts published, " + deletions
                + (deletions == 1 ? " deletion, " : " deletions, ") + edits + (edits == 1 ? " edit" : " edits");
        return new ActivityChart(id, draw(id, days, summary), summary, days);
    }

    private static String draw(String id, List<ActivityDay> days, String summary) {
        int height = SERIES.size() * ROW_HEIGHT + AXIS_HEIGHT;
        double slot = (double) (WIDTH - LABEL_WIDTH) / days.size();
        double barWidth = Math.max(1, slot * 0.7);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" id=\"")
                .append(id)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(summary)
                .append("</title>");
        for (int row = 0; row < SERIES.size(); row++) {
            Series series = SERIES.get(row);
            long max = days.stream().mapToLong(series.count()).max().orElse(0);
            int top = row * ROW_HEIGHT;
            int baseline = top + 8 + BAR_AREA;
            svg.append("<g class=\"series\" data-series=\"")
                    .append(series.unit())
                    .append("\"><text x=\"0\" y=\"")
                    .append(top + 24)
                    .append("\" font-size=\"13\" fill=\"currentColor\">")
                    .append(series.name())
                    .append("</text><text x=\"0\" y=\"")
                    .append(top + 40)
                    .append("\" font-size=\"11\" fill=\"#6b7280\">most in a day: ")
                    .append(max)
                    .append("</text><line x1=\"")
                    .append(LABEL_WIDTH)
                    .append("\" x2=\"")
                    .append(WIDTH)
                    .append("\" y1=\"")
                    .append(baseline)
                    .append("\" y2=\"")
                    .append(baseline)
                    .append("\" stroke=\"#d1d5db\"/>");
            for (int i = 0; i < days.size(); i++) {
                ActivityDay day = days.get(i);
                long count = series.count().applyAsLong(day);
                if (count == 0) {
                    continue;
                }
                double barHeight = Math.max(2, (double) BAR_AREA * count / max);
                svg.append("<rect x=\"")
                        .append(format(LABEL_WIDTH + i * slot + (slot - barWidth) / 2))
                        .append("\" y=\"")
                        .append(format(baseline - barHeight))
                        .append("\" width=\"")
                        .append(format(barWidth))
                        .append("\" height=\"")
                        .append(format(barHeight))
                        .append("\" fill=\"")
                        .append(series.colour())
                        .append("\"><title>")
                        .append(FULL_DAY.format(day.date()))
                        .append(": ")
                        .append(count)
                        .append(' ')
                        .append(count == 1 ? series.one() : series.unit())
                        .append("</title></rect>");
            }
            svg.append("</g>");
        }
        int axis = SERIES.size() * ROW_HEIGHT + 12;
        svg.append("<text x=\"")
                .append(LABEL_WIDTH)
                .append("\" y=\"")
                .append(axis)
                .append("\" font-size=\"11\" fill=\"#6b7280\">")
                .append(DAY.format(days.getFirst().date()))
                .append("</text><text x=\"")
                .append(WIDTH)
                .append("\" y=\"")
                .append(axis)
                .append("\" font-size=\"11\" fill=\"#6b7280\" text-anchor=\"end\">")
                .append(DAY.format(days.getLast().date()))
                .append(" (UTC)</text></svg>");
        return svg.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
