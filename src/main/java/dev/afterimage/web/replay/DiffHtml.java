package dev.afterimage.web.replay;

import dev.afterimage.diff.WordDiff;
import org.jsoup.nodes.Entities;

/** A word diff as HTML: removed words in {@code <del>}, added words in {@code <ins>}, every word escaped. */
public final class DiffHtml {

    private DiffHtml() {}

    public static String between(String before, String after) {
        StringBuilder html = new StringBuilder();
        for (WordDiff.Chunk chunk : WordDiff.between(before, after)) {
            String text = Entities.escape(chunk.text()).replace("\n", "<br>");
            switch (chunk.op()) {
                case EQUAL -> html.append(text);
                case DELETE -> html.append("<del>").append(text).append("</del>");
                case INSERT -> html.append("<ins>").append(text).append("</ins>");
            }
        }
        return html.toString();
    }
}
