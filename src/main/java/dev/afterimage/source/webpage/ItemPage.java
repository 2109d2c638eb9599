package dev.afterimage.source.webpage;

import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.text.HtmlText;
import java.time.Instant;
import java.util.List;

/** What an item's own page turned out to be. */
sealed interface ItemPage {

    /**
     * The article.
     *
     * @param title the page's own title (its {@code og:title}, else {@code <title>}), for when the listing shows none
     * @param body the body picked by the {@code body} selector; empty when none is configured
     * @param images the pictures inside the body, in page order
     * @param publishedAt the time the page's metadata gives, for when the listing shows no date; may be null
     */
    record Article(String title, HtmlText body, List<SourceMedia> images, Instant publishedAt) implements ItemPage {
        public Article {
            images = List.copyOf(images);
        }
    }

    /** The page says the item does not exist: the configured {@code notFound} selector matched. */
    record NotFound(String evidence) implements ItemPage {}

    /** The configured {@code body} selector matched nothing: a changed layout, a login or error page. */
    record Unrecognised(String why) implements ItemPage {}
}
