package dev.afterimage.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The type of a stored picture from its first bytes: reference pictures keep no declared type. */
final class ImageTypes {

    private ImageTypes() {}

    static String sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
                return "image/jpeg";
            }
            if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
                return "image/png";
            }
            if (head.length >= 3 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F') {
                return "image/gif";
            }
            if (head.length >= 2 && head[0] == 'B' && head[1] == 'M') {
                return "image/bmp";
            }
        } catch (IOException e) {
            return "application/octet-stream";
        }
        return "application/octet-stream";
    }
}
