package dev.afterimage.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts, as a reader compares an edited statement with the original: runs of equal,
 * deleted and inserted words, whitespace kept so the runs concatenate back to either text.
 */
public final class WordDiff {

    /** One run of the diff. */
    public record Chunk(Op op, String text) {}

    /** What happened to a run of words. */
    public enum Op {
        EQUAL,
        DELETE,
        INSERT
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    /** Beyond this many words on each side the quadratic table would cost more than the answer is worth. */
    private static final int MAX_TOKENS = 4000;

    private WordDiff() {}

    public static List<Chunk> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            return merge(List.of(new Chunk(Op.DELETE, before), new Chunk(Op.INSERT, after)));
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                chunks.add(new Chunk(Op.EQUAL, a.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                chunks.add(new Chunk(Op.DELETE, a.get(i++)));
            } else {
                chunks.add(new Chunk(Op.INSERT, b.get(j++)));
            }
        }
        while (i < a.size()) {
            chunks.add(new Chunk(Op.DELETE, a.get(i++)));
        }
        while (j < b.size()) {
            chunks.add(new Chunk(Op.INSERT, b.get(j++)));
        }
        return merge(chunks);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static List<Chunk> merge(List<Chunk> chunks) {
        List<Chunk> merged = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (chunk.text().isEmpty()) {
                continue;
            }
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).op() == chunk.op()) {
                merged.set(last, new Chunk(chunk.op(), merged.get(last).text() + chunk.text()));
            } else {
                merged.add(chunk);
            }
        }
        return merged;
    }
}
