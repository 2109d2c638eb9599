package dev.afterimage.diff;

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
        return merge(joinChanges(chunks));
    }

    /**
     * Reads the way a person reads an edit: changes separated only by a space are one change ("near" became "far
     * from"), and whitespace both sides of a change end with belongs to the unchanged text after it.
     */
    private static List<Chunk> joinChanges(List<Chunk> chunks) {
        List<Chunk> joined = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int k = 0; k < chunks.size(); k++) {
            Chunk chunk = chunks.get(k);
            boolean pending = !deleted.isEmpty() || !inserted.isEmpty();
            boolean changeFollows = k + 1 < chunks.size() && chunks.get(k + 1).op() != Op.EQUAL;
            if (chunk.op() == Op.DELETE) {
                deleted.append(chunk.text());
            } else if (chunk.op() == Op.INSERT) {
                inserted.append(chunk.text());
            } else if (pending && changeFollows && chunk.text().isBlank()) {
                deleted.append(chunk.text());
                inserted.append(chunk.text());
            } else {
                String carried = flush(joined, deleted, inserted);
                joined.add(new Chunk(Op.EQUAL, carried + chunk.text()));
            }
        }
        joined.add(new Chunk(Op.EQUAL, flush(joined, deleted, inserted)));
        return joined;
    }

    /** Emits the pending change; returns the trailing whitespace both sides shared, for the text after it. */
    private static String flush(List<Chunk> out, StringBuilder deleted, StringBuilder inserted) {
        int shared = 0;
        while (shared < deleted.length()
                && shared < inserted.length()
                && Character.isWhitespace(deleted.charAt(deleted.length() - 1 - shared))
                && deleted.charAt(deleted.length() - 1 - shared) == inserted.charAt(inserted.length() - 1 - shared)) {
            shared++;
        }
        String carried = deleted.substring(deleted.length() - shared);
        out.add(new Chunk(Op.DELETE, deleted.substring(0, deleted.length() - shared)));
        out.add(new Chunk(Op.INSERT, inserted.substring(0, inserted.length() - shared)));
        deleted.setLength(0);
        inserted.setLength(0);
        return carried;
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
