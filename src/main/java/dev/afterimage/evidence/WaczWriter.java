package dev.afterimage.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a staged package folder as WACZ 1.1.1: every file stored (not deflated, so replay tools can seek into the
 * WARC), listed in {@code datapackage.json} with its SHA-256 and size, and {@code datapackage-digest.json} signing
 * that list as the WACZ signing spec's anonymous mode describes.
 */
final class WaczWriter {

    static final String WACZ_VERSION = "1.1.1";

    private final ObjectMapper json;
    private final InstanceKey key;

    WaczWriter(ObjectMapper json, InstanceKey key) {
        this.json = json;
        this.key = key;
    }

    /** What the package says about itself in {@code datapackage.json}. */
    record Description(String title, String software, Instant created, String mainPageUrl, Instant mainPageDate) {}

    void write(Path staged, Description description, OutputStream out) throws IOException {
        List<StagedFile> files = StagedFile.all(staged);
        byte[] datapackage = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(datapackage(description, files));
        String hash = "sha256:" + Sha256.of(datapackage);
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("hash", hash);
        signed.put("created", description.created().toString());
        signed.put("software", description.software());
        signed.put("signature", Base64.getEncoder().encodeToString(key.sign(hash.getBytes(StandardCharsets.UTF_8))));
        signed.put("publicKey", key.published().publicKey());
        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("path", "datapackage.json");
        digest.put("hash", hash);
        digest.put("signedData", signed);
        byte[] digestFile = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(digest);

        ZipOutputStream zip = new ZipOutputStream(out);
        for (StagedFile file : files) {
            zip.putNextEntry(file.entry());
            try (InputStream in = Files.newInputStream(file.source())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        put(zip, "datapackage.json", datapackage);
        put(zip, "datapackage-digest.json", digestFile);
        zip.finish();
        out.flush();
    }

    private static Map<String, Object> datapackage(Description description, List<StagedFile> files) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("profile", "data-package");
        root.put("wacz_version", WACZ_VERSION);
        root.put("title", description.title());
        root.put("created", description.created().toString());
        root.put("software", description.software());
        if (description.mainPageUrl() != null) {
            root.put("mainPageUrl", description.mainPageUrl());
            root.put("mainPageDate", description.mainPageDate().toString());
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (StagedFile file : files) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("name", file.path().substring(file.path().lastIndexOf('/') + 1));
            resource.put("path", file.path());
            resource.put("hash", "sha256:" + file.sha256());
            resource.put("bytes", file.size());
            resources.add(resource);
        }
        root.put("resources", resources);
        return root;
    }

    private static void put(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        zip.putNextEntry(stored(path, bytes.length, crc.getValue()));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static ZipEntry stored(String path, long size, long crc) {
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        return entry;
    }

    /** A staged file with what its listing and its stored zip entry need, read in one pass. */
    record StagedFile(String path, Path source, long size, String sha256, long crc) {

        /** Every file under the folder, by path. */
        static List<StagedFile> all(Path staged) throws IOException {
            List<StagedFile> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(staged)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(of(staged.relativize(file).toString().replace('\\', '/'), file));
                }
            }
            return files;
        }

        static StagedFile of(String path, Path source) throws IOException {
            MessageDigest digest = Sha256.digest();
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(source)) {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
            return new StagedFile(path, source, size, Sha256.hex(digest), crc.getValue());
        }

        ZipEntry entry() {
            return stored(path, size, crc);
        }
    }
}
