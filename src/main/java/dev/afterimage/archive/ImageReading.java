package dev.afterimage.archive;

/** What reading a downloaded picture gave: its facts, a size too large to decode, or nothing Java can read. */
public sealed interface ImageReading {

    /** Decoded within the pixel budget: size and dHash are known. */
    record Decoded(ImageFacts facts) implements ImageReading {}

    /**
     * The header announces more pixels than the budget allows, so the picture was not decoded: a crafted
     * 20000 × 20000 image would otherwise cost gigabytes of heap and seconds of CPU at every poll.
     */
    record OverBudget(int width, int height, long pixelBudget) implements ImageReading {

        /** The media fact recorded instead of a dHash. */
        public String note() {
            return "not decoded: " + width + " × " + height + " = " + (long) width * height
                    + " pixels are over the budget of " + pixelBudget + " (afterimage.archive.image-pixel-budget)";
        }
    }

    /** Not a picture Java reads (a video, a WebP, a broken file). */
    record Unreadable() implements ImageReading {}
}
