package dev.afterimage.source.mastodon;

import dev.afterimage.source.SourcePost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The earlier versions of edited statuses, remembered per edit: a status's history changes only when it is edited
 * again (a new {@code edited_at}), so it is fetched once per edit rather than at every poll.
 */
final class EditHistories {

    /** Far more edited statuses than the pages of all watched accounts show at once. */
    private static final int CAPACITY = 2_000;

    /** One edit of one status on one instance. */
    record Key(String instance, String statusId, String editedAt) {}

    private final Map<Key, List<SourcePost>> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<SourcePost>> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Optional<List<SourcePost>> get(Key key) {
        return Optional.ofNullable(remembered.get(key));
    }

    synchronized void put(Key key, List<SourcePost> earlierVersions) {
        remembered.put(key, List.copyOf(earlierVersions));
    }
}
