package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A hash chain over everything archived: each new version, its media links, each media file and each deletion
 * appends an entry whose hash covers the previous entry's hash and the record's own hashes. Changing one stored
 * byte, one row, or dropping entries breaks the chain from that point, and {@link ChainVerifier#verify()} names the
 * first entry that no longer holds. This class appends and reads entries; checking them is the verifier's.
 */
@ApplicationScoped
public class EvidenceChain {

    static final String GENESIS = "0".repeat(64);

    /** Entries chained per transaction: a few hundred rows, so the head's lock is held for milliseconds. */
    private static final int SEAL_PAGE = 500;

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    /**
     * Whether a transaction of this instance committed entries since its last {@link #sealCommitted()}: a poll that
     * archived nothing then seals nothing, so it neither locks the head nor commits an empty transaction. True at
     * start, for entries a stopped instance left.
     */
    private final AtomicBoolean committedUnsealed = new AtomicBoolean(true);

    public EvidenceChain(EntityManager entityManager, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void appendVersion(PostVersion version, Post post) {
        append(EvidenceEntry.Kind.VERSION, String.valueOf(version.id), recordHash(version, post));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void appendMediaLinks(PostVersion version, List<VersionMedia> links) {
        append(EvidenceEntry.Kind.MEDIA_LINKS, String.valueOf(version.id), linksHash(version.id, links));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void appendMedia(Media media) {
        append(EvidenceEntry.Kind.MEDIA, media.sha256, recordHash(media));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void appendDeletion(Post post) {
        append(EvidenceEntry.Kind.DELETION, String.valueOf(post.id), deletionHash(post));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void appendRestoration(Post post) {
        append(EvidenceEntry.Kind.RESTORATION, String.valueOf(post.id), Sha256.ofText("restoration|" + post.id));
    }

    /** Writes the entry beside its record, in the caller's transaction; {@link #seal()} chains it after the commit. */
    private void append(EvidenceEntry.Kind kind, String ref, String recordHash) {
        EvidencePending pending = new EvidencePending();
        pending.kind = kind;
        pending.recordRef = ref;
        pending.recordHash = recordHash;
        entityManager.persist(pending);
        noteOnCommit();
    }

    /** Raises {@link #committedUnsealed} once the caller's transaction has committed, not before. */
    private void noteOnCommit() {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committedUnsealed.set(true);
                }
            }
        });
    }

    /**
     * Chains what this instance's transactions appended and committed since the last call, as {@link #seal()} does;
     * when they appended nothing, does nothing, without a transaction. Entries of other instances are theirs to seal
     * (or {@link #sealLeftovers()}'s).
     */
    public int sealCommitted() {
        if (!committedUnsealed.getAndSet(false)) {
            return 0;
        }
        try {
            return seal();
        } catch (RuntimeException e) {
            committedUnsealed.set(true);
            throw e;
        }
    }

    /**
     * Chains every committed pending entry, in the order they were written, a page per short transaction of its own:
     * the head is locked only while a page is chained, never while a poll archives. Safe to call from anywhere and
     * from several instances at once (the head's lock serialises them). Returns how many entries were chained.
     */
    public int seal() {
        int sealed = 0;
        for (int page = QuarkusTransaction.requiringNew().call(this::sealPage);
                page > 0;
                page = QuarkusTransaction.requiringNew().call(this::sealPage)) {
            sealed += page;
        }
        return sealed;
    }

    /** Chains leftovers of a stopped instance or of a poll that failed after archiving. */
    @Scheduled(
            every = "${afterimage.archive.seal-every:10s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealLeftovers() {
        seal();
    }

    private int sealPage() {
        EvidenceHead head = entityManager.find(EvidenceHead.class, EvidenceHead.CHAIN, LockModeType.PESSIMISTIC_WRITE);
        // Read after the head is locked: entries chained by whoever held it before are gone from here.
        List<EvidencePending> page = entityManager
                .createQuery("from EvidencePending order by id", EvidencePending.class)
                .setMaxResults(SEAL_PAGE)
                .getResultList();
        for (EvidencePending pending : page) {
            EvidenceEntry entry = new EvidenceEntry();
            entry.seq = head.lastSeq + 1;
            entry.kind = pending.kind;
            entry.recordRef = pending.recordRef;
            entry.recordHash = pending.recordHash;
            entry.previousHash = head.lastHash;
            entry.entryHash = entryHash(entry);
            entry.appendedAt = clock.instant();
            entry.persist();
            head.lastSeq = entry.seq;
            head.lastHash = entry.entryHash;
            entityManager.remove(pending);
        }
        return page.size();
    }

    /** The chain's newest entry, as committed. */
    @Transactional
    public ChainHead head() {
        EvidenceHead head = entityManager.find(EvidenceHead.class, EvidenceHead.CHAIN);
        return new ChainHead(head.lastSeq, head.lastHash);
    }

    /**
     * The entries that vouch for the given posts, oldest first: their versions and media links, the media files they
     * show, and their deletions and restorations.
     */
    @Transactional
    public List<EvidenceEntry> entriesOf(Collection<Long> postIds) {
        Set<String> versions = new HashSet<>();
        Set<String> media = new HashSet<>();
        Set<String> posts = new HashSet<>();
        for (Long postId : postIds) {
            posts.add(String.valueOf(postId));
            for (PostVersion version : PostVersion.ofPost(postId)) {
                versions.add(String.valueOf(version.id));
                VersionMedia.ofVersion(version.id).stream()
                        .map(link -> link.mediaSha256)
                        .filter(Objects::nonNull)
                        .forEach(media::add);
            }
        }
        return EvidenceEntry.<EvidenceEntry>list(
                "(kind in ?1 and recordRef in ?2) or (kind = ?3 and recordRef in ?4) or (kind in ?5 and recordRef in ?6)"
                        + " order by seq",
                List.of(EvidenceEntry.Kind.VERSION, EvidenceEntry.Kind.MEDIA_LINKS),
                orNone(versions),
                EvidenceEntry.Kind.MEDIA,
                orNone(media),
                List.of(EvidenceEntry.Kind.DELETION, EvidenceEntry.Kind.RESTORATION),
                orNone(posts));
    }

    /** The newest entry that vouches for any of the given posts, 0 when none does. */
    @Transactional
    public long newestEntryAbout(Collection<Long> postIds) {
        return entriesOf(postIds).stream().mapToLong(entry -> entry.seq).max().orElse(0);
    }

    /** The entries numbered {@code from} to {@code to}, both included, in order. */
    @Transactional
    public List<EvidenceEntry> entriesBetween(long from, long to) {
        return EvidenceEntry.list("seq >= ?1 and seq <= ?2 order by seq", from, to);
    }

    /** An empty IN list is not valid SQL everywhere; a value no record has stands in for none. */
    private static Set<String> orNone(Set<String> refs) {
        return refs.isEmpty() ? Set.of("-") : refs;
    }

    /**
     * Covers what a version claims: which post (its URL, account and publication time), when it was seen, the raw
     * bytes' hash, the text and details, and the page it was read from.
     */
    static String recordHash(PostVersion version, Post post) {
        String capture = version.captureId == null ? "-" : Capture.<Capture>findById(version.captureId).bodySha256;
        return Sha256.ofText("version|" + version.id + "|" + post.id + "|" + post.url + "|" + post.accountId + "|"
                + post.publishedAt + "|" + version.observedAt + "|" + version.rawSha256 + "|"
                + Sha256.ofText(version.text)
                + "|" + Sha256.ofText(version.html) + "|" + version.editedMarker + "|"
                + Sha256.ofText(version.detailsJson)
                + "|" + capture);
    }

    static String linksHash(long versionId, List<VersionMedia> links) {
        return Sha256.ofText("links|" + versionId + "|"
                + links.stream()
                        .map(link -> link.position + ":" + link.kind + ":"
                                + (link.mediaSha256 == null ? "missing" : link.mediaSha256))
                        .collect(Collectors.joining(",")));
    }

    static String deletionHash(Post post) {
        String capture =
                post.deletionCaptureId == null ? "-" : Capture.<Capture>findById(post.deletionCaptureId).bodySha256;
        return Sha256.ofText("deletion|" + post.id + "|" + post.deletedAt + "|" + capture);
    }

    static String recordHash(Media media) {
        return Sha256.ofText("media|" + media.sha256 + "|" + media.sizeBytes);
    }

    /**
     * An entry's own hash: SHA-256 (lower-case hex) of the UTF-8 text {@code seq|kind|recordRef|recordHash|previousHash}.
     * docs/evidence.md spells this rule out for anyone re-hashing exported entries.
     */
    public static String entryHash(EvidenceEntry entry) {
        return Sha256.ofText(entry.seq + "|" + entry.kind + "|" + entry.recordRef + "|" + entry.recordHash + "|"
                + entry.previousHash);
    }
}
