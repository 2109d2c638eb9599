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
