package dev.afterimage.match;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Frames of a video, by ffmpeg (Debian's package): one a second and one at each scene change, each with its time.
 * Absent ffmpeg, videos are refused with a message saying so.
 */
final class VideoFrames {

    /** A frame as a PNG file, and where in the video it is. */
    record Frame(Path png, double seconds) {}

    // Scene score above which ffmpeg's "scene" filter calls it a cut: 0.3 is its documentation's usual choice.
    private static final String SELECT =
            "select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,1)+gt(scene\\,0.3)',showinfo";
    private static final Pattern PTS_TIME = Pattern.compile("pts_time:([0-9.]+)");

    private VideoFrames() {}

    static boolean available() {
        try {
            Process process = new ProcessBuilder("ffmpeg", "-version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean isVideo(String name, String contentType) {
        String lower = name.toLowerCase(Locale.ROOT);
        return (contentType != null && contentType.startsWith("video/"))
                || Stream.of(".mp4", ".webm", ".mov", ".mkv", ".avi", ".m4v").anyMatch(lower::endsWith);
    }

    /** At most {@code maxFrames} frames; empty when ffmpeg cannot read the file. */
    static List<Frame> extract(Path video, Path workDir, int maxFrames, Duration timeout) throws IOException {
        Path log = workDir.resolve("ffmpeg.log");
        Process process = new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-hide_banner",
                        "-loglevel",
                        "info",
                        "-i",
                        video.toString(),
                        "-vf",
                        SELECT,
                        "-vsync",
                        "vfr",
                        "-frames:v",
                        String.valueOf(maxFrames),
                        workDir.resolve("frame-%05d.png").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return List.of();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return List.of();
        }
        if (process.exitValue() != 0) {
            return List.of();
        }
        List<Double> times = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher time = PTS_TIME.matcher(line);
            if (line.contains("Parsed_showinfo") && time.find()) {
                times.add(Double.parseDouble(time.group(1)));
            }
        }
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            Path png = workDir.resolve(String.format(Locale.ROOT, "frame-%05d.png", i + 1));
            if (Files.isRegularFile(png)) {
                frames.add(new Frame(png, times.get(i)));
            }
        }
        return frames;
    }
}
