package dev.afterimage.web.console;

import dev.afterimage.diff.WordDiff;
import dev.afterimage.web.replay.DiffHtml;
import org.jsoup.nodes.Entities;

/**
 * The word diff between two versions, inline and side by side; every word escaped.
 *
 * @param inline removed words struck through and added words marked, in one text
 * @param before the older text with its removed words marked
 * @param after the newer text with its added words marked
 */
public record VersionDiff(int from, int to, String inline, String before, String after) {

    static VersionDiff between(int from, String older, int to, String newer) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (WordDiff.Chunk chunk : WordDiff.between(older, newer)) {
            String text = Entities.escape(chunk.text()).replace("\n", "<br>");
            switch (chunk.op()) {
                case EQUAL -> {
                    before.append(text);
                    after.append(text);
                }
                case DELETE -> before.append("<del>").append(text).append("</del>");
                case INSERT -> after.append("<ins>").append(text).append("</ins>");
            }
        }
        return new VersionDiff(from, to, DiffHtml.between(older, newer), before.toString(), after.toString());
    }
}
