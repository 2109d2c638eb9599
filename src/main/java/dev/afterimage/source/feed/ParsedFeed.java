package dev.afterimage.source.feed;

import dev.afterimage.source.SourcePost;
import java.util.List;
import java.util.Optional;

/** What a feed URL's body turned out to be. */
sealed interface ParsedFeed {

    /** A feed; its entries in the feed's own order, and its title when it has one. */
    record Entries(List<SourcePost> entries, Optional<String> title) implements ParsedFeed {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    /** Anything else: an HTML page (a login wall, an error page served as 200), broken XML, an empty body. */
    record NotAFeed(String why) implements ParsedFeed {}
}
