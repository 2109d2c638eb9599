package dev.afterimage.source.feed;

import dev.afterimage.source.SourcePost;
import java.util.List;

/** What a feed URL's body turned out to be. */
sealed interface ParsedFeed {

    /** An RSS or Atom feed; its entries in the feed's own order. */
    record Entries(List<SourcePost> entries) implements ParsedFeed {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    /** Anything else: an HTML page (a login wall, an error page served as 200), broken XML, an empty body. */
    record NotAFeed(String why) implements ParsedFeed {}
}
