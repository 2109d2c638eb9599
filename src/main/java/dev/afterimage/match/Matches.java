package dev.afterimage.match;

import java.util.List;

/**
 * The matches of one picture, best first, and how many more were set aside because one of the two pictures is too
 * flat for PDQ to be trusted.
 */
public record Matches(List<ImageMatch> found, int lowQuality) {

    public Matches {
        found = List.copyOf(found);
    }
}
