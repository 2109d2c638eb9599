package dev.afterimage.match;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.MediaStore;
import dev.afterimage.hash.Sha256;
import dev.afterimage.pdq.PdqHasher;
import dev.afterimage.pdq.PdqResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reference sets and their pictures: created and deleted here, their pictures read from uploads (images, zips of
 * images, videos through ffmpeg), stored content-addressed in the media store and added to the {@link ImageIndex}.
 */
@ApplicationScoped
public class ReferenceSets {

    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;

    private final MediaStore store;
    private final ImageIndex index;
    private final MatchConfig config;
    private final Clock clock;

    ReferenceSets(MediaStore store, ImageIndex index, MatchConfig config, Clock clock) {
        this.store = store;
        this.index = index;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ReferenceSet create(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "a reference set needs a name");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "a name has at most " + MAX_NAME + " characters");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidFieldException(
                    "description", "a description has at most " + MAX_DESCRIPTION + " characters");
        }
        ReferenceSet set = new ReferenceSet();
        set.name = name.strip();
        set.description = description;
        set.createdAt = clock.instant();
        set.persist();
        return set;
    }

    @Transactional
    public List<ReferenceSet> list() {
        return ReferenceSet.list("order by id");
    }

    @Transactional
    public ReferenceSet get(long id) {
        return ReferenceSet.<ReferenceSet>findByIdOptional(id).orElseThrow(() -> new ReferenceSetNotFoundException(id));
    }

    @Transactional
    public List<ReferenceImage> images(long setId) {
        get(setId);
        return ReferenceImage.ofSet(setId);
    }

    @Transactional
    public long imageCount(long setId) {
        return ReferenceImage.count("setId", setId);
    }

    /** Deletes the set and its pictures' rows; their files stay in the store, which never forgets bytes. */
    public void delete(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            ReferenceSet set = get(id);
            ReferenceImage.delete("setId", id);
            set.delete();
        });
        index.rebuild();
    }

    /**
     * Reads every upload into pictures before storing any, so a bad file (named in the 400) adds nothing; then
     * stores and indexes them. Returns how many were added.
     */
    public int add(long setId, List<Upload> uploads) {
        get(setId);
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidFieldException("file", "send one or more files in the multipart field \"file\"");
        }
        List<Picture> pictures = new ArrayList<>();
        for (Upload upload : uploads) {
            pictures.addAll(read(upload));
            if (pictures.size() > config.maxPicturesPerUpload()) {
                throw new InvalidFieldException(
                        "file", "one upload adds at most " + config.maxPicturesPerUpload() + " pictures");
            }
        }
        List<ReferenceImage> stored = new ArrayList<>();
        for (Picture picture : pictures) {
            ReferenceImage image = new ReferenceImage();
            image.setId = setId;
            image.name = picture.name().length() > 1000 ? picture.name().substring(0, 1000) : picture.name();
            image.sha256 = put(picture.bytes());
            image.pdqHash = picture.pdq().hash().toHex();
            image.pdqQuality = picture.pdq().quality();
            stored.add(image);
        }
        QuarkusTransaction.requiringNew().run(() -> stored.forEach(image -> image.persist()));
        stored.forEach(index::addReference);
        return stored.size();
    }

    private List<Picture> read(Upload upload) {
        String name = upload.name() == null || upload.name().isBlank() ? "upload" : upload.name();
        try {
            if (isZip(upload.file())) {
                return zip(name, upload.file());
            }
            if (VideoFrames.isVideo(name, upload.contentType())) {
                return video(name, upload.file());
            }
            if (Files.size(upload.file()) > config.maxImageBytes()) {
                throw new InvalidFieldException("file", name + " is larger than " + config.maxImageBytes() + " bytes");
            }
            byte[] bytes = Files.readAllBytes(upload.file());
            return List.of(picture(name, bytes));
        } catch (IOException e) {
            throw new InvalidFieldException("file", name + " could not be read: " + e.getMessage());
        }
    }

    private Picture picture(String name, byte[] bytes) {
        PdqResult pdq = PdqHasher.read(bytes)
                .orElseThrow(() -> new InvalidFieldException(
                        "file", name + " is not an image this service can read (JPEG, PNG, GIF or BMP)"));
        return new Picture(name, bytes, pdq);
    }

    private List<Picture> zip(String name, Path file) throws IOException {
        List<Picture> pictures = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                String lower = entryName.toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || lower.startsWith("__macosx/") || entryName.endsWith("/.DS_Store")) {
                    continue;
                }
                byte[] bytes = bounded(zip, name + "/" + entryName);
                pictures.add(picture(name + "/" + entryName, bytes));
                if (pictures.size() > config.maxPicturesPerUpload()) {
                    throw new InvalidFieldException(
                            "file", name + " holds more than " + config.maxPicturesPerUpload() + " pictures");
                }
            }
        }
        if (pictures.isEmpty()) {
            throw new InvalidFieldException("file", name + " is a zip without images");
        }
        return pictures;
    }

    /** Reads a zip entry up to the image size limit, whatever size its header claims (zip bombs lie). */
    private byte[] bounded(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > config.maxImageBytes()) {
                throw new InvalidFieldException("file", name + " is larger than " + config.maxImageBytes() + " bytes");
            }
        }
        return out.toByteArray();
    }

    private List<Picture> video(String name, Path file) throws IOException {
        if (!VideoFrames.available()) {
            throw new InvalidFieldException(
                    "file", name + " is a video, and ffmpeg (needed to read its frames) is not installed here");
        }
        Path work = Files.createTempDirectory("afterimage-frames");
        try {
            List<VideoFrames.Frame> frames =
                    VideoFrames.extract(file, work, config.maxPicturesPerUpload(), config.videoTimeout());
            if (frames.isEmpty()) {
                throw new InvalidFieldException("file", name + " is not a video ffmpeg can read");
            }
            List<Picture> pictures = new ArrayList<>();
            for (VideoFrames.Frame frame : frames) {
                String seconds =
                        String.format(Locale.ROOT, "%.2f", frame.seconds()).replaceFirst("\\.?0+$", "");
                pictures.add(picture(name + "#t=" + seconds, Files.readAllBytes(frame.png())));
            }
            return pictures;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private String put(byte[] bytes) {
        String sha256 = Sha256.of(bytes);
        try {
            Path incoming = Files.createTempFile(store.incomingDir(), "reference", ".part");
            Files.write(incoming, bytes);
            store.put(sha256, incoming);
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("media store could not take a reference picture " + sha256, e);
        }
    }

    /** The stored bytes of a reference picture, for thumbnails. */
    public Optional<Path> file(String sha256) {
        return store.locate(sha256);
    }
}
