package dev.afterimage.archive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.util.Optional;

/** Where and how the archive keeps what it has seen. */
@ConfigMapping(prefix = "afterimage.archive")
public interface ArchiveConfig {

    /** Folder of the content-addressed media files; under ./data so one folder holds all state besides the database. */
    @WithDefault("data/media")
    Path mediaDir();

    /**
     * Largest dHash distance (of 64 bits) at which two images count as the same picture re-encoded. CDN
     * re-encodes move a few bits; a different photo moves about half of them.
     */
    @WithDefault("10")
    int sameImageMaxDistance();

    /**
     * Most pixels a downloaded picture may have to be decoded (for its dHash); larger ones are recorded by their
     * header's size only. 40 million is twice the largest pictures the platforms serve (X's 4096 × 4096) and
     * bounds one decode to about 160 MB of heap.
     */
    @WithDefault("40000000")
    long imagePixelBudget();

    /**
     * Who runs this instance and why, written into the {@code warcinfo} record at the head of every WARC export, so a
     * file passed on says where it came from. Empty by default.
     */
    Optional<String> operatorNote();

    /**
     * How many records an expensive read (the chain's verification, a WARC export) loads at a time, each batch in a
     * short transaction of its own, so memory and locks stay bounded however large the archive. Checked at start-up:
     * a batch of none would never finish.
     */
    @WithDefault("200")
    @Positive
    int readBatchSize();
}
