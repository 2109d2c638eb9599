package dev.afterimage.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.testkit.Pictures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFactsTest {

    @TempDir
    Path dir;

    @Test
    void readsSizeOfAJpeg() throws Exception {
        Path file = Files.write(dir.resolve("a.jpg"), Pictures.jpeg(1, 640, 480, 0.9f));
        ImageFacts facts = ImageFacts.read(file).orElseThrow();
        assertEquals(640, facts.width());
        assertEquals(480, facts.height());
    }

    @Test
    void reEncodedPictureKeepsNearlyTheSameHash() throws Exception {
        ImageFacts original = ImageFacts.read(Files.write(dir.resolve("a.jpg"), Pictures.jpeg(7, 800, 600, 0.95f)))
                .orElseThrow();
        ImageFacts reEncoded = ImageFacts.read(Files.write(dir.resolve("b.jpg"), Pictures.jpeg(7, 640, 480, 0.5f)))
                .orElseThrow();
        assertTrue(
                ImageFacts.distance(original.dHash(), reEncoded.dHash()) <= 4,
                "distance " + ImageFacts.distance(original.dHash(), reEncoded.dHash()));
    }

    @Test
    void differentPictureHasAFarHash() throws Exception {
        ImageFacts one = ImageFacts.read(Files.write(dir.resolve("a.jpg"), Pictures.jpeg(1, 800, 600, 0.9f)))
                .orElseThrow();
        ImageFacts other = ImageFacts.read(Files.write(dir.resolve("b.jpg"), Pictures.jpeg(2, 800, 600, 0.9f)))
                .orElseThrow();
        assertTrue(
                ImageFacts.distance(one.dHash(), other.dHash()) > 10,
                "distance " + ImageFacts.distance(one.dHash(), other.dHash()));
    }

    @Test
    void bytesThatAreNoPictureHaveNoFacts() throws Exception {
        assertTrue(ImageFacts.read(Files.write(dir.resolve("v.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}))
                .isEmpty());
        assertNotEquals(0, Pictures.jpeg(3, 10, 10, 0.9f).length);
    }

    @Test
    void aHugePictureIsMeasuredFromItsHeaderAndNeverDecoded() throws Exception {
        Path file = Files.write(dir.resolve("huge.png"), Pictures.pngAnnouncing(20_000, 20_000));

        long started = System.nanoTime();
        ImageReading reading = ImageFacts.read(file, 40_000_000);
        long millis = (System.nanoTime() - started) / 1_000_000;

        ImageReading.OverBudget over = assertInstanceOf(ImageReading.OverBudget.class, reading);
        assertEquals(20_000, over.width());
        assertEquals(20_000, over.height());
        assertTrue(over.note().contains("20000 × 20000"), over.note());
        assertTrue(millis < 2_000, "reading the header took " + millis + " ms");
    }

    @Test
    void aPictureWithinTheBudgetIsDecodedAndOneOverItIsNot() throws Exception {
        Path file = Files.write(dir.resolve("a.jpg"), Pictures.jpeg(1, 640, 480, 0.9f));

        assertInstanceOf(ImageReading.Decoded.class, ImageFacts.read(file, 640 * 480));
        assertInstanceOf(ImageReading.OverBudget.class, ImageFacts.read(file, 640 * 480 - 1));
    }
}
