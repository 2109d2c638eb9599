package dev.afterimage.match;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When two pictures count as the same picture. */
@ConfigMapping(prefix = "afterimage.match")
public interface MatchConfig {

    /** Whether newly archived pictures are matched at all (MEDIA_REUSED); search and reference sets work either way. */
    @WithDefault("true")
    boolean enabled();

    /** Largest PDQ distance (of 256 bits) that is a match: 31 is Meta's published threshold. */
    @WithDefault("31")
    int maxDistance();

    /** Least PDQ quality on both sides: flatter pictures (plain colours, gradients) match unrelated ones too easily. */
    @WithDefault("50")
    int minQuality();

    /**
     * Whether the same file posted again by the same account is a reuse worth an event. Off by default: accounts
     * repost their own pictures, and that is no news.
     */
    @WithDefault("false")
    boolean reportSameFileSameAccount();

    /** At most this many matches are named in an event or a search answer, best first. */
    @WithDefault("10")
    int maxMatches();

    /** Most pictures one upload (all its files, zips and video frames) may add to a reference set. */
    @WithDefault("2000")
    int maxPicturesPerUpload();

    /** Largest single image (a file or a zip entry) taken into a reference set: 20 MB is a large photo. */
    @WithDefault("20000000")
    long maxImageBytes();

    /** Longest ffmpeg may take over one video: frames of a feature-length trailer come in well under this. */
    @WithDefault("PT2M")
    java.time.Duration videoTimeout();
}
