package dev.afterimage.web.console;

import dev.afterimage.archive.VersionMedia;
import dev.afterimage.source.MediaKind;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a list shows of a post so it can be recognised without opening it: the newest version's text, shortened, a
 * small picture, and what media it carries.
 *
 * @param text the newest version's whole text
 * @param snippet that text on one line, shortened
 * @param versions how many distinct versions are archived
 * @param thumbnailUrl the first archived picture of the newest version, or null when it has none
 * @param badges e.g. "2 photos", "1 video", "1 file not downloaded yet"
 */
public record PostPreview(String text, String snippet, int versions, String thumbnailUrl, List<String> badges) {

    /** Enough to recognise a post in a list; the post page has the whole text. */
    static final int SNIPPET_LENGTH = 280;

    /** A post with no archived version to show. */
    static final PostPreview NONE = new PostPreview("", "", 0, null, List.of());

    /** The previews of these posts, read in two queries whatever their number; call within a transaction. */
    static Map<Long, PostPreview> of(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        // Only the columns shown: a version row also holds the raw capture, which a list must not load.
        Map<Long, Newest> newest = new HashMap<>();
        Map<Long, Integer> versions = new HashMap<>();
        for (Object[] row : Panache.getEntityManager()
                .createQuery(
                        "select v.postId, v.id, v.text from PostVersion v where v.postId in :ids"
                                + " order by v.observedAt, v.id",
                        Object[].class)
                .setParameter("ids", List.copyOf(postIds))
                .getResultList()) {
            newest.put((Long) row[0], new Newest((Long) row[1], (String) row[2]));
            versions.merge((Long) row[0], 1, Integer::sum);
        }
        Map<Long, List<VersionMedia>> media = new HashMap<>();
        if (!newest.isEmpty()) {
            List<Long> versionIds = newest.values().stream().map(Newest::id).toList();
            for (VersionMedia item : Panache.getEntityManager()
                    .createQuery(
                            "from VersionMedia m where m.versionId in :ids order by m.versionId, m.position",
                            VersionMedia.class)
                    .setParameter("ids", versionIds)
                    .getResultList()) {
                media.computeIfAbsent(item.versionId, id -> new ArrayList<>()).add(item);
            }
        }
        Map<Long, PostPreview> previews = new HashMap<>();
        for (Long postId : postIds) {
            Newest version = newest.get(postId);
            if (version == null) {
                previews.put(postId, NONE);
                continue;
            }
            List<VersionMedia> items = media.getOrDefault(version.id(), List.of());
            String text = version.text() == null ? "" : version.text();
            previews.put(
                    postId,
                    new PostPreview(text, snippet(text), versions.get(postId), thumbnail(items), badges(items)));
        }
        return previews;
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH - 1) + "…";
    }

    private static String thumbnail(List<VersionMedia> items) {
        return items.stream()
                .filter(item -> item.mediaSha256 != null && item.kind != MediaKind.VIDEO)
                .findFirst()
                .map(item -> "/media/" + item.mediaSha256)
                .orElse(null);
    }

    private static List<String> badges(List<VersionMedia> items) {
        Map<MediaKind, Integer> kept = new EnumMap<>(MediaKind.class);
        int owed = 0;
        for (VersionMedia item : items) {
            if (item.mediaSha256 == null) {
                owed++;
            } else {
                kept.merge(item.kind, 1, Integer::sum);
            }
        }
        List<String> badges = new ArrayList<>();
        kept.forEach((kind, count) -> badges.add(count + " " + noun(kind, count)));
        if (owed > 0) {
            badges.add(owed + (owed == 1 ? " file" : " files") + " not downloaded yet");
        }
        return badges;
    }

    private static String noun(MediaKind kind, int count) {
        String one =
                switch (kind) {
                    case PHOTO -> "photo";
                    case VIDEO -> "video";
                    case PREVIEW_IMAGE -> "link preview";
                };
        return count == 1 ? one : one + "s";
    }

    private record Newest(long id, String text) {}
}
