package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A hash chain over everything archived: each new version, its media links, each media file and each deletion
 * appends an entry whose hash covers the previous entry's hash and the record's own hashes. Changing one stored
 * byte, one row, or dropping entries breaks the chain from that point, and {@link #verify()} names the first entry
 * that no longer holds.
 */
@ApplicationScoped
public class EvidenceChain {

    private static final String GENESIS = "0".repeat(64);

    /** Entries chained per transaction: a few hundred rows, so the head's lock is held for milliseconds. */
    private static final int SEAL_PAGE = 500;

    private final EntityManager entityManager;
    private final MediaStore store;
    private final ArchiveConfig config;
    private final Clock clock;

    public EvidenceChain(EntityManager entityManager, MediaStore store, ArchiveConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.store = store;
        this.config = config;
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
     * Re-checks every entry, the records they cover and the stored bytes, in order; then that what rows say now
     * (a version's media, a post's deletion) is what the newest entry about them says. Stops at the first fault.
     */
    public ChainVerification verify() {
        seal();
        // The head first: entries appended while this runs are for the next check, and every entry up to the head
        // was committed with it.
        EvidenceHead head = QuarkusTransaction.requiringNew()
                .call(() -> entityManager.find(EvidenceHead.class, EvidenceHead.CHAIN));
        Verification run = new Verification(head.lastSeq, head.lastHash);
        // Entries are read a batch at a time after the last one checked, each batch in a short read transaction of
        // its own: a chain of any length costs one batch of memory, and no transaction stays open for the whole run.
        while (run.lastSeq < run.headSeq) {
            Optional<ChainVerification> broken =
                    QuarkusTransaction.requiringNew().call(() -> checkNextBatch(run));
            if (broken.isPresent()) {
                return broken.get();
            }
            if (run.exhausted) {
                break;
            }
        }
        if (run.lastSeq != run.headSeq || !run.previous.equals(run.headHash)) {
            return run.broken(
                    run.headSeq,
                    null,
                    null,
                    "the chain's head names entry " + run.headSeq + " but the chain ends at entry " + run.lastSeq);
        }
        return QuarkusTransaction.requiringNew().call(() -> checkCurrentRows(run));
    }

    private Optional<ChainVerification> checkNextBatch(Verification run) {
        List<EvidenceEntry> entries = EvidenceEntry.<EvidenceEntry>find(
                        "seq > ?1 and seq <= ?2 order by seq", run.lastSeq, run.headSeq)
                .page(0, config.readBatchSize())
                .list();
        if (entries.isEmpty()) {
            run.exhausted = true;
            return Optional.empty();
        }
        for (EvidenceEntry entry : entries) {
            Optional<String> problem = problemWith(entry, run.previous, run.lastSeq);
            if (problem.isPresent()) {
                return Optional.of(run.broken(entry.seq, entry.kind, entry.recordRef, problem.get()));
            }
            switch (entry.kind) {
                case MEDIA_LINKS -> run.latestLinks.put(Long.valueOf(entry.recordRef), detached(entry));
                case DELETION, RESTORATION -> run.latestFate.put(Long.valueOf(entry.recordRef), detached(entry));
                default -> {}
            }
            run.previous = entry.entryHash;
            run.lastSeq = entry.seq;
            run.checked++;
        }
        entityManager.clear();
        return Optional.empty();
    }

    /** That what rows say now (a version's media, a post's deletion) is what the newest entry about them says. */
    private ChainVerification checkCurrentRows(Verification run) {
        for (EvidenceEntry entry : run.latestLinks.values()) {
            List<VersionMedia> links = VersionMedia.ofVersion(Long.parseLong(entry.recordRef));
            if (!linksHash(Long.parseLong(entry.recordRef), links).equals(entry.recordHash) && !superseded(entry)) {
                return run.broken(
                        entry.seq,
                        entry.kind,
                        entry.recordRef,
                        "the media of version " + entry.recordRef + " were changed after they were archived");
            }
        }
        for (EvidenceEntry entry : run.latestFate.values()) {
            Optional<String> problem = fateProblem(entry);
            if (problem.isPresent() && !superseded(entry)) {
                return run.broken(entry.seq, entry.kind, entry.recordRef, problem.get());
            }
        }
        List<Long> deleted = entityManager
                .createQuery("select p.id from Post p where p.state = ?1", Long.class)
                .setParameter(1, PostState.DELETED)
                .getResultList();
        for (Long postId : deleted) {
            if (!run.latestFate.containsKey(postId)
                    && EvidenceEntry.count(
                                    "kind = ?1 and recordRef = ?2", EvidenceEntry.Kind.DELETION, String.valueOf(postId))
                            == 0
                    && !pending(String.valueOf(postId), List.of(EvidenceEntry.Kind.DELETION))) {
                return run.broken(
                        0,
                        EvidenceEntry.Kind.DELETION,
                        String.valueOf(postId),
                        "post " + postId + " is marked deleted but no deletion was recorded");
            }
        }
        return new ChainVerification(true, run.checked, null, run.headSeq, run.headHash, clock.instant());
    }

    /** Whether an entry about the record was written by a transaction that committed after this check sealed. */
    private boolean pending(String recordRef, List<EvidenceEntry.Kind> kinds) {
        return entityManager
                        .createQuery(
                                "select count(p) from EvidencePending p where p.recordRef = ?1 and p.kind in ?2",
                                Long.class)
                        .setParameter(1, recordRef)
                        .setParameter(2, kinds)
                        .getSingleResult()
                > 0;
    }

    /** Whether a newer entry, appended after this check took the head, speaks of the same record: then it is checked next time. */
    private boolean superseded(EvidenceEntry entry) {
        List<EvidenceEntry.Kind> family = entry.kind == EvidenceEntry.Kind.MEDIA_LINKS
                ? List.of(EvidenceEntry.Kind.MEDIA_LINKS)
                : List.of(EvidenceEntry.Kind.DELETION, EvidenceEntry.Kind.RESTORATION);
        return EvidenceEntry.count("seq > ?1 and recordRef = ?2 and kind in ?3", entry.seq, entry.recordRef, family) > 0
                || pending(entry.recordRef, family);
    }

    /** One run of {@link #verify()}: the head it checks against, and how far it got. */
    private final class Verification {
        private final long headSeq;
        private final String headHash;
        private final Map<Long, EvidenceEntry> latestLinks = new HashMap<>();
        private final Map<Long, EvidenceEntry> latestFate = new HashMap<>();
        private String previous = GENESIS;
        private long lastSeq;
        private long checked;
        private boolean exhausted;

        Verification(long headSeq, String headHash) {
            this.headSeq = headSeq;
            this.headHash = headHash;
        }

        ChainVerification broken(long seq, EvidenceEntry.Kind kind, String ref, String problem) {
            return new ChainVerification(
                    false,
                    checked,
                    new ChainVerification.BrokenEntry(seq, kind, ref, problem),
                    headSeq,
                    headHash,
                    clock.instant());
        }
    }

    private Optional<String> problemWith(EvidenceEntry entry, String previous, long lastSeq) {
        if (entry.seq != lastSeq + 1) {
            return Optional.of("entries " + (lastSeq + 1) + " to " + (entry.seq - 1) + " are missing");
        }
        if (!entry.previousHash.equals(previous)) {
            return Optional.of("it does not link to the entry before it");
        }
        if (!entry.entryHash.equals(entryHash(entry))) {
            return Optional.of("its own hash does not match its contents");
        }
        return switch (entry.kind) {
            case VERSION -> versionProblem(entry);
            case MEDIA -> mediaProblem(entry);
            case MEDIA_LINKS, DELETION, RESTORATION -> Optional.empty();
        };
    }

    private Optional<String> versionProblem(EvidenceEntry entry) {
        PostVersion version = PostVersion.findById(Long.valueOf(entry.recordRef));
        if (version == null) {
            return Optional.of("version " + entry.recordRef + " is gone from the archive");
        }
        if (!Sha256.of(version.rawFragment).equals(version.rawSha256)) {
            return Optional.of(
                    "the stored raw bytes of version " + version.id + " no longer hash to " + version.rawSha256);
        }
        Post post = Post.findById(version.postId);
        if (post == null || !recordHash(version, post).equals(entry.recordHash)) {
            return Optional.of("version " + version.id + " or its post was changed after it was archived");
        }
        if (version.captureId != null) {
            return captureProblem(
                    Capture.findById(version.captureId), "the page version " + version.id + " was read from");
        }
        return Optional.empty();
    }

    private Optional<String> fateProblem(EvidenceEntry entry) {
        Post post = Post.findById(Long.valueOf(entry.recordRef));
        if (post == null) {
            return Optional.of("post " + entry.recordRef + " is gone from the archive");
        }
        if (entry.kind == EvidenceEntry.Kind.RESTORATION) {
            return post.state == PostState.LIVE
                    ? Optional.empty()
                    : Optional.of("post " + post.id + " was recorded as restored but is marked " + post.state);
        }
        if (post.state != PostState.DELETED || !deletionHash(post).equals(entry.recordHash)) {
            return Optional.of("the deletion of post " + post.id + " was changed after it was recorded");
        }
        return post.deletionCaptureId == null
                ? Optional.empty()
                : captureProblem(
                        Capture.findById(post.deletionCaptureId),
                        "the permalink answer that proved post " + post.id + " gone");
    }

    private static Optional<String> captureProblem(Capture capture, String what) {
        if (capture == null) {
            return Optional.of(what + " is gone from the archive");
        }
        if (capture.body != null && !Sha256.of(capture.body).equals(capture.bodySha256)) {
            return Optional.of(what + " no longer hashes to " + capture.bodySha256);
        }
        return Optional.empty();
    }

    private Optional<String> mediaProblem(EvidenceEntry entry) {
        Media media = Media.findById(entry.recordRef);
        if (media == null) {
            return Optional.of("media " + entry.recordRef + " is gone from the archive");
        }
        if (!recordHash(media).equals(entry.recordHash)) {
            return Optional.of("the record of media " + media.sha256 + " was changed after it was archived");
        }
        Optional<Path> file = store.locate(media.sha256);
        if (file.isEmpty()) {
            return Optional.of("the file of media " + media.sha256 + " is missing from the store");
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            MessageDigest digest = Sha256.digest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
            String actual = Sha256.hex(digest);
            if (!actual.equals(media.sha256) || size != media.sizeBytes) {
                return Optional.of("the stored file of media " + media.sha256 + " now hashes to " + actual);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the file of media " + media.sha256 + " cannot be read: " + e.getMessage());
        }
    }

    /** A copy that survives clearing the persistence context between pages. */
    private static EvidenceEntry detached(EvidenceEntry entry) {
        EvidenceEntry copy = new EvidenceEntry();
        copy.seq = entry.seq;
        copy.kind = entry.kind;
        copy.recordRef = entry.recordRef;
        copy.recordHash = entry.recordHash;
        return copy;
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
