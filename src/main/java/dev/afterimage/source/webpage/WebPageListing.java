package dev.afterimage.source.webpage;

import java.util.List;
import java.util.Optional;

/** What a listing page turned out to be. */
sealed interface WebPageListing {

    /**
     * The page's items in page order, and the link to the next older page when the page has one.
     *
     * @param nextPage the older page's absolute URL; empty on the last page or when paging is not configured
     */
    record Items(List<ListedItem> items, Optional<String> nextPage) implements WebPageListing {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** No item matched: the site changed its markup, or this is an error or login page served with HTTP 200. */
    record Unrecognised(String why) implements WebPageListing {}
}
