package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-checks the evidence chain that {@link EvidenceChain} appends to: every entry's links and hash, the records and
 * stored bytes each one vouches for, and that what rows say now is what the newest entry about them says. Names the
 * first entry that no longer holds.
 */
@ApplicationScoped
public class ChainVerifier {

    private final EvidenceChain chain;
    private final EntityManager entityManager;
    private final MediaStore store;
    private final ArchiveConfig config;
    private final Clock clock;

    public ChainVerifier(
            EvidenceChain chain, EntityManager entityManager, MediaStore store, ArchiveConfig config, Clock clock) {
        this.chain = chain;
        this.entityManager = entityManager;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Re-checks every entry, the records they cover and the stored bytes, in order; then that what rows say now
     * (a version's media, a post's deletion) is what the newest entry about them says. Stops at the first fault.
     */
    public ChainVerification verify() {
        chain.seal();
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
            if (!EvidenceChain.linksHash(Long.parseLong(entry.recordRef), links).equals(entry.recordHash)
                    && !superseded(entry)) {
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
        private String previous = EvidenceChain.GENESIS;
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
        if (!entry.entryHash.equals(EvidenceChain.entryHash(entry))) {
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
        if (post == null || !EvidenceChain.recordHash(version, post).equals(entry.recordHash)) {
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
        if (post.state != PostState.DELETED || !EvidenceChain.deletionHash(post).equals(entry.recordHash)) {
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
        if (!EvidenceChain.recordHash(media).equals(entry.recordHash)) {
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
}
