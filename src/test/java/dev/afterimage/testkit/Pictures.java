package dev.afterimage.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures for tests: the same seed draws the same scene at any size and JPEG quality (what a CDN re-encode
 * produces), another seed draws a different scene.
 */
public final class Pictures {

    private Pictures() {}

    public static byte[] jpeg(long seed, int width, int height, float quality) {
        return encode(scene(seed, width, height), quality);
    }

    /** The scene of this seed, drawn at this size. */
    public static BufferedImage scene(long seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(
                    (int) (random.nextDouble() * width * 0.8),
                    (int) (random.nextDouble() * height * 0.8),
                    (int) (width * (0.1 + random.nextDouble() * 0.4)),
                    (int) (height * (0.1 + random.nextDouble() * 0.4)));
        }
        g.dispose();
        return image;
    }

    /** Left and right swapped. */
    public static BufferedImage mirrored(BufferedImage image) {
        int width = image.getWidth();
        BufferedImage out = new BufferedImage(width, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(width - 1 - x, y, image.getRGB(x, y));
            }
        }
        return out;
    }

    /** Turned a quarter clockwise. */
    public static BufferedImage rotated90(BufferedImage image) {
        int height = image.getHeight();
        BufferedImage out = new BufferedImage(height, image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(height - 1 - y, x, image.getRGB(x, y));
            }
        }
        return out;
    }

    /** Scaled to this fraction of its size (smoothly, as an image editor would). */
    public static BufferedImage resized(BufferedImage image, double scale) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** A meme-style white banner with black text over the bottom {@code fraction} of the picture. */
    public static BufferedImage captioned(BufferedImage image, double fraction, String caption) {
        BufferedImage out = copy(image);
        Graphics2D g = out.createGraphics();
        int banner = (int) (out.getHeight() * fraction);
        g.setColor(Color.WHITE);
        g.fillRect(0, out.getHeight() - banner, out.getWidth(), banner);
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(java.awt.Font.BOLD, banner * 0.6f));
        g.drawString(caption, banner / 3, out.getHeight() - banner / 4);
        g.dispose();
        return out;
    }

    /** The middle part left after cutting {@code fraction} of the width and height off, half on each side. */
    public static BufferedImage cropped(BufferedImage image, double fraction) {
        int dx = (int) (image.getWidth() * fraction / 2);
        int dy = (int) (image.getHeight() * fraction / 2);
        return copy(image.getSubimage(dx, dy, image.getWidth() - 2 * dx, image.getHeight() - 2 * dy));
    }

    /** Every colour's red and blue pushed by {@code shift} (clamped), as a colour grade would. */
    public static BufferedImage colourShifted(BufferedImage image, int shift) {
        BufferedImage out = copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int rgb = out.getRGB(x, y);
                int r = Math.min(255, Math.max(0, ((rgb >> 16) & 0xff) + shift));
                int b = Math.min(255, Math.max(0, (rgb & 0xff) - shift));
                out.setRGB(x, y, (r << 16) | (rgb & 0xff00) | b);
            }
        }
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** JPEG bytes of a picture at this quality (0–1). */
    public static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A PNG whose header announces {@code width × height} RGB pixels but whose image data holds one row only: what a
     * hostile source sends to exhaust a decoder, costing a few bytes to make.
     */
    public static byte[] pngAnnouncing(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {8, 2, 0, 0, 0});
            chunk(data, "IHDR", header.toByteArray());
            Deflater deflater = new Deflater();
            deflater.setInput(new byte[1 + 3 * width]);
            deflater.finish();
            byte[] compressed = new byte[64 + 3 * width];
            int length = deflater.deflate(compressed);
            deflater.end();
            chunk(data, "IDAT", Arrays.copyOf(compressed, length));
            chunk(data, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        out.writeInt(body.length);
        out.write(name);
        out.write(body);
        out.writeInt((int) crc.getValue());
    }
}
