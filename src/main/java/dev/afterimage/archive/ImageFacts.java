package dev.afterimage.archive;

import dev.afterimage.pdq.PdqHasher;
import dev.afterimage.pdq.PdqResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What the archive knows of a picture: its size in pixels and a 64-bit difference hash (dHash), which stays
 * nearly the same when a CDN re-encodes the picture and changes completely when the picture changes; and its PDQ
 * hash, quality and dihedral hashes, to find the picture again in other posts.
 *
 * @param pdq PDQ's view of a freshly decoded picture; null when the facts were read back from the database
 */
public record ImageFacts(int width, int height, long dHash, PdqResult pdq) {

    private static final int HASH_WIDTH = 9;
    private static final int HASH_HEIGHT = 8;

    /** Reads an image file of any size; empty when Java cannot decode it (a video, a WebP, a broken file). */
    public static Optional<ImageFacts> read(Path file) {
        return read(file, Long.MAX_VALUE) instanceof ImageReading.Decoded decoded
                ? Optional.of(decoded.facts())
                : Optional.empty();
    }

    /**
     * Reads an image file, but first its dimensions from the header alone (no pixel is decoded), and decodes it only
     * when it has at most {@code pixelBudget} pixels.
     */
    public static ImageReading read(Path file, long pixelBudget) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return new ImageReading.Unreadable();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new ImageReading.Unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > pixelBudget) {
                    return new ImageReading.OverBudget(width, height, pixelBudget);
                }
                BufferedImage image = reader.read(0);
                return image == null ? new ImageReading.Unreadable() : new ImageReading.Decoded(of(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new ImageReading.Unreadable();
        }
    }

    public static ImageFacts of(BufferedImage image) {
        return new ImageFacts(image.getWidth(), image.getHeight(), dHash(image), PdqHasher.hash(image));
    }

    /** How many of the 64 bits differ. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static long dHash(BufferedImage image) {
        double[][] luma = shrink(image);
        long hash = 0;
        for (int y = 0; y < HASH_HEIGHT; y++) {
            for (int x = 0; x < HASH_WIDTH - 1; x++) {
                hash = (hash << 1) | (luma[y][x] > luma[y][x + 1] ? 1 : 0);
            }
        }
        return hash;
    }

    /** Averages every source pixel into a 9×8 grid, which smooths away compression noise better than sampling. */
    private static double[][] shrink(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double[][] sum = new double[HASH_HEIGHT][HASH_WIDTH];
        int[][] count = new int[HASH_HEIGHT][HASH_WIDTH];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int cellY = (int) ((long) y * HASH_HEIGHT / height);
            for (int x = 0; x < width; x++) {
                int cellX = (int) ((long) x * HASH_WIDTH / width);
                int rgb = row[x];
                sum[cellY][cellX] += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                count[cellY][cellX]++;
            }
        }
        for (int y = 0; y < HASH_HEIGHT; y++) {
            for (int x = 0; x < HASH_WIDTH; x++) {
                sum[y][x] = count[y][x] == 0 ? 0 : sum[y][x] / count[y][x];
            }
        }
        return sum;
    }
}
