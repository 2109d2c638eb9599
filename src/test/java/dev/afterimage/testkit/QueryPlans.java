package dev.afterimage.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an {@code EXPLAIN} of H2 or PostgreSQL says about how a query reads its tables. */
public final class QueryPlans {

    private static final Pattern SORT_STEP = Pattern.compile("(?m)^\\s*(->\\s*)?(Incremental )?Sort\\b");

    private QueryPlans() {}

    /**
     * The indexes a plan reads with a condition on them, lower case: H2 writes {@code /* PUBLIC.NAME: condition *}
     * {@code /} (a scan has no condition, or no colon), PostgreSQL {@code Index Scan using name} or {@code Bitmap Index Scan on name}
     * with an {@code Index Cond}.
     */
    public static List<String> indexesRead(String plan) {
        List<String> indexes = new ArrayList<>();
        Matcher h2 =
                Pattern.compile("/\\* PUBLIC\\.([\\w.]+)(?:: *([^*]*))? *\\*/").matcher(plan);
        while (h2.find()) {
            indexes.add(h2.group(2) == null || h2.group(2).isBlank() ? "a scan of " + h2.group(1) : h2.group(1));
        }
        Matcher postgresql = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan) (?:using|on) (\\w+)")
                .matcher(plan);
        while (postgresql.find()) {
            indexes.add(postgresql.group(1));
        }
        if (plan.contains("Seq Scan")) {
            indexes.add("a sequential scan");
        }
        return indexes.stream().map(index -> index.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Whether the rows come out in an index's order, with no sort after reading: H2 says {@code /* index sorted *}
     * {@code /} (a partial sort says how many columns it took from the index), PostgreSQL has no sort step.
     */
    public static boolean inIndexOrder(String plan) {
        if (plan.contains("/* PUBLIC.")) {
            return plan.contains("/* index sorted */");
        }
        return !SORT_STEP.matcher(plan).find();
    }

    /**
     * Whether the plan looks rows up by a condition on {@code column} (lower case): H2 writes the condition in the
     * index's comment, PostgreSQL as an {@code Index Cond} or {@code Recheck Cond}.
     */
    public static boolean looksUpBy(String plan, String column) {
        return Pattern.compile("(/\\* PUBLIC\\.\\w+: [^*]*\\b" + column.toUpperCase(Locale.ROOT) + "\\b)|(Cond: .*\\b"
                        + column + "\\b)")
                .matcher(plan)
                .find();
    }
}
