package dev.afterimage.match;

import dev.afterimage.alert.AccountCard;
import dev.afterimage.alert.AccountDirectory;
import dev.afterimage.pdq.Dihedral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds where a picture was seen before: the index names near hashes, the database says whose they are. */
@ApplicationScoped
public class ImageMatcher {

    /** Hashes read from the index per query: enough for a picture posted many times, bounded for a flat one. */
    private static final int INDEX_CANDIDATES = 200;

    private final ImageIndex index;
    private final EntityManager entities;
    private final AccountDirectory accounts;
    private final MatchConfig config;

    ImageMatcher(ImageIndex index, EntityManager entities, AccountDirectory accounts, MatchConfig config) {
        this.index = index;
        this.entities = entities;
        this.accounts = accounts;
        this.config = config;
    }

    @Transactional
    public Matches find(MatchQuery query) {
        List<ImageMatch> found = new ArrayList<>();
        int lowQuality = 0;
        Set<String> seenHashes = new HashSet<>();
        Map<Long, ImageMatch.InArchive> byPost = new LinkedHashMap<>();
        Set<Long> seenReferences = new HashSet<>();
        for (PackedHashes.Near near : index.near(query.pdq(), config.maxDistance(), INDEX_CANDIDATES)) {
            if (!seenHashes.add(near.owner() + near.hash().toHex())) {
                continue;
            }
            boolean trusted =
                    near.quality() >= config.minQuality() && query.pdq().quality() >= config.minQuality();
            // The query's variant V brought it near: the earlier picture is V of the new one, the new one V⁻¹ of it.
            Dihedral transform = near.queryVariant().inverse();
            List<ImageMatch> resolved =
                    switch (near.owner()) {
                        case ARCHIVE -> archived(query, near, transform);
                        case REFERENCE -> references(near, transform, seenReferences);
                    };
            if (resolved.isEmpty()) {
                continue;
            }
            if (!trusted) {
                lowQuality += resolved.size();
                continue;
            }
            for (ImageMatch match : resolved) {
                if (match instanceof ImageMatch.InArchive archived) {
                    byPost.putIfAbsent(archived.postId(), archived);
                } else {
                    found.add(match);
                }
            }
        }
        found.addAll(byPost.values());
        found.sort(Comparator.comparingInt(ImageMatch::distance));
        return new Matches(
                found.size() > config.maxMatches() ? found.subList(0, config.maxMatches()) : found, lowQuality);
    }

    private List<ImageMatch> archived(MatchQuery query, PackedHashes.Near near, Dihedral transform) {
        List<Object[]> rows = entities.createQuery(
                        "select distinct p.id, p.url, p.state, p.accountId, p.firstSeenAt, p.publishedAt, m.sha256"
                                + " from Media m, VersionMedia vm, PostVersion v, Post p"
                                + " where m.pdqHash = ?1 and vm.mediaSha256 = m.sha256 and v.id = vm.versionId"
                                + " and p.id = v.postId order by p.id",
                        Object[].class)
                .setParameter(1, near.hash().toHex())
                .getResultList();
        List<ImageMatch> matches = new ArrayList<>();
        for (Object[] row : rows) {
            long postId = (Long) row[0];
            long accountId = (Long) row[3];
            Instant firstSeenAt = (Instant) row[4];
            Instant publishedAt = row[5] == null ? firstSeenAt : (Instant) row[5];
            String sha256 = (String) row[6];
            if (query.postId() != null && query.postId() == postId) {
                continue;
            }
            if (query.publishedAt() != null && !publishedAt.isBefore(query.publishedAt())) {
                continue;
            }
            if (!config.reportSameFileSameAccount()
                    && query.accountId() != null
                    && query.accountId() == accountId
                    && sha256.equals(query.mediaSha256())) {
                continue;
            }
            String account = accounts.find(accountId).map(AccountCard::name).orElse("account " + accountId);
            matches.add(new ImageMatch.InArchive(
                    postId,
                    (String) row[1],
                    String.valueOf(row[2]),
                    accountId,
                    account,
                    firstSeenAt,
                    sha256,
                    near.distance(),
                    transform));
        }
        return matches;
    }

    private List<ImageMatch> references(PackedHashes.Near near, Dihedral transform, Set<Long> seen) {
        List<ImageMatch> matches = new ArrayList<>();
        for (ReferenceImage image :
                ReferenceImage.<ReferenceImage>list("pdqHash", near.hash().toHex())) {
            ReferenceSet set = ReferenceSet.findById(image.setId);
            if (set != null && seen.add(image.id)) {
                matches.add(new ImageMatch.InReferenceSet(
                        set.id, image.id, set.name, image.name, image.sha256, near.distance(), transform));
            }
        }
        return matches;
    }
}
