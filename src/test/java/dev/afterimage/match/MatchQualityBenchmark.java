package dev.afterimage.match;

import dev.afterimage.archive.ImageFacts;
import dev.afterimage.pdq.Dihedral;
import dev.afterimage.pdq.PdqHasher;
import dev.afterimage.pdq.PdqResult;
import dev.afterimage.testkit.BenchmarkReport;
import dev.afterimage.testkit.Pictures;
import dev.afterimage.testkit.RealFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the match rule (PDQ distance ≤ 31 over the eight dihedral hashes, quality ≥ 50) per
 * transform, on Meta's reference photos (when ../shared/fixtures/real is present) and generated scenes; and the
 * re-encode rule measured with dHash and with PDQ. Into docs/benchmarks.md; run with {@code ./mvnw -Pbenchmark test}.
 */
class MatchQualityBenchmark {

    private static final int MAX_DISTANCE = 31;
    private static final int MIN_QUALITY = 50;
    private static final int DHASH_SAME_IMAGE = 10;
    private static final int GENERATED = 24;

    private record Original(String name, BufferedImage image, PdqResult pdq, long dHash) {}

    @Test
    void measuresPrecisionAndRecallPerTransform() throws Exception {
        List<Original> originals = originals();
        Map<String, UnaryOperator<BufferedImage>> transforms = transforms();
        StringBuilder table =
                new StringBuilder("| transform | pairs | recall | precision | median distance | low quality skipped |\n"
                        + "|---|---:|---:|---:|---:|---:|\n");
        Map<String, double[]> recallByTransform = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<BufferedImage>> transform : transforms.entrySet()) {
            int truePositives = 0;
            int falsePositives = 0;
            int lowQuality = 0;
            int pairs = 0;
            List<Integer> distances = new ArrayList<>();
            for (Original original : originals) {
                PdqResult copy = pdq(transform.getValue().apply(original.image()));
                for (Original candidate : originals) {
                    int distance = minDistance(copy, candidate.pdq());
                    boolean trusted =
                            copy.quality() >= MIN_QUALITY && candidate.pdq().quality() >= MIN_QUALITY;
                    boolean same = candidate == original;
                    if (same) {
                        pairs++;
                        distances.add(distance);
                    }
                    if (!trusted) {
                        lowQuality += same ? 1 : 0;
                        continue;
                    }
                    if (distance <= MAX_DISTANCE) {
                        if (same) {
                            truePositives++;
                        } else {
                            falsePositives++;
                        }
                    }
                }
            }
            distances.sort(Integer::compare);
            double recall = truePositives / (double) pairs;
            double precision =
                    truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
            recallByTransform.put(transform.getKey(), new double[] {recall, precision});
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.2f | %d | %d |%n",
                    transform.getKey(),
                    pairs,
                    recall,
                    precision,
                    distances.get(distances.size() / 2),
                    lowQuality));
        }
        int unrelatedFalse = 0;
        int unrelatedPairs = 0;
        for (int seed = 0; seed < 60; seed++) {
            PdqResult unrelated = pdq(Pictures.scene(770_000 + seed, 900, 700));
            for (Original original : originals) {
                unrelatedPairs++;
                if (minDistance(unrelated, original.pdq()) <= MAX_DISTANCE
                        && unrelated.quality() >= MIN_QUALITY
                        && original.pdq().quality() >= MIN_QUALITY) {
                    unrelatedFalse++;
                }
            }
        }
        BenchmarkReport.replaceSection(
                "Image matching quality (PDQ)",
                String.format(
                        Locale.ROOT,
                        """
                        %d originals (%s), each transformed and matched against every original with the rule of
                        `MEDIA_REUSED`: distance ≤ %d over the eight dihedral hashes, quality ≥ %d on both sides.
                        Recall: share of copies matched to their own original; precision: share of matches that
                        are right. Unrelated pictures: %d of %d pairs matched.

                        %s
                        Read honestly: PDQ survives re-encoding, resizing, colour shifts, mirrors and rotations;
                        it is weak on crops (%s) and on caption banners taller than about 8%% of the picture. A
                        cropped or heavily captioned copy is missed, never reported falsely.

                        %s
                        """,
                        originals.size(),
                        originalsSource(originals),
                        MAX_DISTANCE,
                        MIN_QUALITY,
                        unrelatedFalse,
                        unrelatedPairs,
                        table,
                        cropSummary(recallByTransform),
                        reEncodeRule(originals)));
    }

    /** The re-encode rule (a CDN re-encode is not MEDIA_CHANGED) with dHash ≤ 10 of 64 and with PDQ ≤ 31 of 256. */
    private static String reEncodeRule(List<Original> originals) {
        int reEncodes = 0;
        int dHashSame = 0;
        int pdqSame = 0;
        for (Original original : originals) {
            for (float quality : new float[] {0.3f, 0.5f, 0.7f, 0.95f}) {
                for (double scale : new double[] {0.5, 0.75, 1.0}) {
                    BufferedImage reEncoded =
                            decode(Pictures.encode(Pictures.resized(original.image(), scale), quality));
                    reEncodes++;
                    dHashSame +=
                            ImageFacts.distance(ImageFacts.of(reEncoded).dHash(), original.dHash()) <= DHASH_SAME_IMAGE
                                    ? 1
                                    : 0;
                    pdqSame += PdqHasher.hash(reEncoded)
                                            .hash()
                                            .distance(original.pdq().hash())
                                    <= MAX_DISTANCE
                            ? 1
                            : 0;
                }
            }
        }
        int swaps = 0;
        int dHashSwapSame = 0;
        int pdqSwapSame = 0;
        for (Original a : originals) {
            for (Original b : originals) {
                if (a != b) {
                    swaps++;
                    dHashSwapSame += ImageFacts.distance(a.dHash(), b.dHash()) <= DHASH_SAME_IMAGE ? 1 : 0;
                    pdqSwapSame += a.pdq().hash().distance(b.pdq().hash()) <= MAX_DISTANCE ? 1 : 0;
                }
            }
        }
        return String.format(
                Locale.ROOT,
                """
                Re-encode rule (a picture whose bytes changed but which is the same picture raises no \
                `MEDIA_CHANGED`), %d re-encodes (JPEG quality 30–95, 50–100%% size) and %d swaps:

                | hash | re-encodes called the same picture | swaps called the same picture |
                |---|---:|---:|
                | dHash ≤ %d of 64 | %d of %d | %d of %d |
                | PDQ ≤ %d of 256 | %d of %d | %d of %d |
                """,
                reEncodes,
                swaps,
                DHASH_SAME_IMAGE,
                dHashSame,
                reEncodes,
                dHashSwapSame,
                swaps,
                MAX_DISTANCE,
                pdqSame,
                reEncodes,
                pdqSwapSame,
                swaps);
    }

    private static String cropSummary(Map<String, double[]> recall) {
        StringBuilder crops = new StringBuilder();
        recall.forEach((name, figures) -> {
            if (name.startsWith("crop")) {
                crops.append(crops.isEmpty() ? "" : ", ")
                        .append(name.substring(5))
                        .append(String.format(Locale.ROOT, " → recall %.2f", figures[0]));
            }
        });
        return crops.toString();
    }

    private static Map<String, UnaryOperator<BufferedImage>> transforms() {
        Map<String, UnaryOperator<BufferedImage>> transforms = new LinkedHashMap<>();
        for (float quality : new float[] {0.3f, 0.5f, 0.7f, 0.95f}) {
            transforms.put(
                    "JPEG quality " + Math.round(quality * 100), image -> decode(Pictures.encode(image, quality)));
        }
        for (double scale : new double[] {0.25, 0.5, 2.0}) {
            transforms.put(
                    "resize " + Math.round(scale * 100) + "%",
                    image -> decode(Pictures.encode(Pictures.resized(image, scale), 0.85f)));
        }
        for (double crop : new double[] {0.02, 0.03, 0.04, 0.05, 0.10, 0.20}) {
            transforms.put(
                    "crop " + Math.round(crop * 100) + "%",
                    image -> decode(Pictures.encode(Pictures.cropped(image, crop), 0.85f)));
        }
        for (double banner : new double[] {0.05, 0.08, 0.12, 0.20}) {
            transforms.put(
                    "caption banner " + Math.round(banner * 100) + "%",
                    image -> decode(Pictures.encode(Pictures.captioned(image, banner, "BREAKING"), 0.85f)));
        }
        transforms.put("mirror", image -> decode(Pictures.encode(Pictures.mirrored(image), 0.85f)));
        transforms.put("rotate 90°", image -> decode(Pictures.encode(Pictures.rotated90(image), 0.85f)));
        transforms.put("colour shift", image -> decode(Pictures.encode(Pictures.colourShifted(image, 40), 0.85f)));
        return transforms;
    }

    private static List<Original> originals() throws IOException {
        List<Original> originals = new ArrayList<>();
        if (Files.isDirectory(RealFixtures.directory().resolve("pdq"))) {
            for (String file : List.of("dih/bridge-1-original.jpg", "c.png", "wee.jpg")) {
                originals.add(original(
                        "meta:" + file,
                        decode(Files.readAllBytes(RealFixtures.directory().resolve("pdq/" + file)))));
            }
        }
        for (int seed = 0; seed < GENERATED; seed++) {
            originals.add(original("scene " + seed, Pictures.scene(660_000 + seed, 1024, 768)));
        }
        return originals;
    }

    private static String originalsSource(List<Original> originals) {
        long meta = originals.stream().filter(o -> o.name().startsWith("meta:")).count();
        return meta == 0
                ? GENERATED + " generated scenes; Meta's reference photos were absent"
                : meta + " of Meta's reference photos and " + GENERATED + " generated scenes";
    }

    private static Original original(String name, BufferedImage image) {
        BufferedImage rgb = Pictures.resized(image, 1.0);
        return new Original(name, rgb, PdqHasher.hash(rgb), ImageFacts.of(rgb).dHash());
    }

    private static int minDistance(PdqResult copy, PdqResult original) {
        int best = Integer.MAX_VALUE;
        for (Dihedral variant : Dihedral.values()) {
            best = Math.min(best, copy.variant(variant).distance(original.hash()));
        }
        return best;
    }

    private static PdqResult pdq(BufferedImage image) {
        return PdqHasher.hash(image);
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
