package dev.afterimage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) run as its own process, started as README.md
 * says, so a test can kill it the hard way and start it again on the same data.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path workDir;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final int port;
    private Process process;
    private int starts;

    /** @param workDir the folder it runs in: its ./data holds the H2 database and the media */
    public ServiceProcess(Path workDir, Map<String, String> properties) {
        this(workDir, properties, List.of());
    }

    /** @param jvmOptions options for the service's JVM, e.g. {@code -Xmx512m} */
    public ServiceProcess(Path workDir, Map<String, String> properties, List<String> jvmOptions) {
        this.workDir = workDir;
        this.properties = properties;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
    }

    /** The running service's process, e.g. to read its CPU time and memory from /proc. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void start() {
        Path jar = Path.of(System.getProperty("test.app-jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path log = workDir.resolve("service-" + (++starts) + ".log");
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
    }

    /** SIGKILL: no shutdown hook runs, as in a power cut or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        await();
    }

    /** SIGTERM: the graceful stop a service manager does. */
    public void stop() {
        process.destroy();
        await();
    }

    /** What the running or last run printed. */
    public String log() {
        try {
            return Files.readString(workDir.resolve("service-" + starts + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void await() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start-up:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(baseUrl() + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the service started", e);
            }
        }
        throw new IllegalStateException(
                "the service was not ready within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
