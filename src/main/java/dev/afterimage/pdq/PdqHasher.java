package dev.afterimage.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * PDQ, Meta's perceptual image hash, as "The TMK+PDQF Video-Hashing Algorithm and the PDQ Image Similarity
 * Algorithm" describes it: luminance; a Jarosz (tent-like, two box passes) filter sized to the picture; a 64×64
 * decimation; the 16×16 low-frequency corner of a DCT (DC left out); one bit per coefficient above the median; and
 * a quality from the gradients of the 64×64 picture.
 */
public final class PdqHasher {

    private static final int SIZE = 64;
    private static final int DCT_SIZE = 16;
    private static final int JAROSZ_PASSES = 2;
    /** Sum of gradients (in percent of full scale) that PDQ calls full quality: 90 per point, capped at 100. */
    private static final int GRADIENT_PER_QUALITY_POINT = 90;

    private static final float[] DCT_MATRIX = dctMatrix();

    private PdqHasher() {}

    /** Hashes an image file; empty when Java cannot decode it (a video, a WebP, a broken file). */
    public static Optional<PdqResult> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            BufferedImage image = ImageIO.read(in);
            return image == null ? Optional.empty() : Optional.of(hash(image));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Hashes decoded bytes; empty when they are not an image Java can decode. */
    public static Optional<PdqResult> read(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            return image == null ? Optional.empty() : Optional.of(hash(image));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static PdqResult hash(BufferedImage image) {
        int rows = image.getHeight();
        int columns = image.getWidth();
        float[] luma = luminance(image);
        float[] scratch = new float[luma.length];
        int windowAlongRows = jaroszWindow(columns);
        int windowAlongColumns = jaroszWindow(rows);
        for (int pass = 0; pass < JAROSZ_PASSES; pass++) {
            for (int r = 0; r < rows; r++) {
                box(luma, scratch, r * columns, 1, columns, windowAlongRows);
            }
            for (int c = 0; c < columns; c++) {
                box(scratch, luma, c, columns, rows, windowAlongColumns);
            }
        }
        float[] small = decimate(luma, rows, columns);
        int quality = quality(small);
        float[] dct = dct16(small);
        List<PdqHash> variants = new ArrayList<>(Dihedral.values().length);
        for (Dihedral transform : Dihedral.values()) {
            variants.add(threshold(transform.applyTo(dct)));
        }
        return new PdqResult(variants.get(Dihedral.ORIGINAL.ordinal()), quality, variants);
    }

    /** ITU-R BT.601 luma, the weights PDQ uses. */
    private static float[] luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] luma = new float[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                luma[y * width + x] =
                        0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
            }
        }
        return luma;
    }

    /** The box width that makes two passes blur about one output pixel's worth of input: ceil(old / (2·64)). */
    private static int jaroszWindow(int oldSize) {
        return (oldSize + 2 * SIZE - 1) / (2 * SIZE);
    }

    /**
     * A running-mean box filter over one row or column, centred on each sample, with the window shrinking at both
     * ends rather than padding, so edges are not darkened.
     */
    private static void box(float[] in, float[] out, int start, int stride, int length, int window) {
        int half = (window + 2) / 2;
        int warmUp = half - 1;
        int growing = window - half + 1;
        int full = length - window;
        int shrinking = half - 1;
        float sum = 0;
        int count = 0;
        int right = start;
        int left = start;
        int target = start;
        int end = start + length * stride;
        for (int i = 0; i < warmUp && right < end; i++, right += stride) {
            sum += in[right];
            count++;
        }
        for (int i = 0; i < growing && right < end; i++, right += stride, target += stride) {
            sum += in[right];
            count++;
            out[target] = sum / count;
        }
        for (int i = 0; i < full; i++, right += stride, left += stride, target += stride) {
            sum += in[right];
            sum -= in[left];
            out[target] = sum / count;
        }
        for (int i = 0; i < shrinking && target < end; i++, left += stride, target += stride) {
            sum -= in[left];
            count--;
            out[target] = sum / count;
        }
        // A picture narrower than the window: the remaining samples take the mean of everything.
        for (; target < end; target += stride) {
            out[target] = sum / Math.max(count, 1);
        }
    }

    /** Samples the filtered picture at the centres of a 64×64 grid. */
    private static float[] decimate(float[] luma, int rows, int columns) {
        float[] out = new float[SIZE * SIZE];
        for (int i = 0; i < SIZE; i++) {
            int row = (int) (((i + 0.5) * rows) / SIZE);
            for (int j = 0; j < SIZE; j++) {
                int column = (int) (((j + 0.5) * columns) / SIZE);
                out[i * SIZE + j] = luma[row * columns + column];
            }
        }
        return out;
    }

    /** Sum of absolute neighbour differences in percent of full scale, scaled to 0–100: flat pictures score low. */
    private static int quality(float[] small) {
        int gradients = 0;
        for (int i = 0; i < SIZE - 1; i++) {
            for (int j = 0; j < SIZE; j++) {
                gradients += Math.abs((int) ((small[i * SIZE + j] - small[(i + 1) * SIZE + j]) * 100 / 255));
            }
        }
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE - 1; j++) {
                gradients += Math.abs((int) ((small[i * SIZE + j] - small[i * SIZE + j + 1]) * 100 / 255));
            }
        }
        return Math.min(100, gradients / GRADIENT_PER_QUALITY_POINT);
    }

    /** D·A·Dᵀ with D the 16×64 DCT-II rows of frequencies 1–16. */
    private static float[] dct16(float[] small) {
        float[] half = new float[DCT_SIZE * SIZE];
        for (int i = 0; i < DCT_SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                float sum = 0;
                for (int k = 0; k < SIZE; k++) {
                    sum += DCT_MATRIX[i * SIZE + k] * small[k * SIZE + j];
                }
                half[i * SIZE + j] = sum;
            }
        }
        float[] out = new float[DCT_SIZE * DCT_SIZE];
        for (int i = 0; i < DCT_SIZE; i++) {
            for (int j = 0; j < DCT_SIZE; j++) {
                float sum = 0;
                for (int k = 0; k < SIZE; k++) {
                    sum += half[i * SIZE + k] * DCT_MATRIX[j * SIZE + k];
                }
                out[i * DCT_SIZE + j] = sum;
            }
        }
        return out;
    }

    /** One bit per coefficient: set when above the median (the 128th smallest), so about half the bits are set. */
    private static PdqHash threshold(float[] dct) {
        float[] sorted = dct.clone();
        Arrays.sort(sorted);
        float median = sorted[sorted.length / 2 - 1];
        boolean[] bits = new boolean[dct.length];
        for (int k = 0; k < dct.length; k++) {
            bits[k] = dct[k] > median;
        }
        return PdqHash.fromBits(bits);
    }

    private static float[] dctMatrix() {
        float[] matrix = new float[DCT_SIZE * SIZE];
        double scale = Math.sqrt(2.0 / SIZE);
        for (int i = 0; i < DCT_SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                matrix[i * SIZE + j] = (float) (scale * Math.cos((Math.PI / 2 / SIZE) * (i + 1) * (2 * j + 1)));
            }
        }
        return matrix;
    }
}
