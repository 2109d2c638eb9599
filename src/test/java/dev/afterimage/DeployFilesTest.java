package dev.afterimage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of deploy/ are read by the tools that will run them, as far as this machine has them. */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("deploy");

    @Test
    void systemdAcceptsTheUnit(@TempDir Path dir) throws IOException, InterruptedException {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(
                Files.isExecutable(analyze), "systemd-analyze is not installed here; the unit file is not checked");
        // The unit names the installed Java by its documented link; systemd checks that it exists, so point the
        // copy at the Java running this test.
        String java = ProcessHandle.current().info().command().orElseThrow();
        String unit =
                Files.readString(DEPLOY.resolve("afterimage.service")).replace("/opt/afterimage/jre/bin/java", java);
        Path copy = dir.resolve("afterimage.service");
        Files.writeString(copy, unit);

        Process verify = new ProcessBuilder(analyze.toString(), "verify", copy.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        verify.waitFor(60, TimeUnit.SECONDS);

        assertEquals(0, verify.exitValue(), "systemd-analyze verify: " + said);
        assertEquals("", said.strip());
    }

    @Test
    void composeAndKubernetesFilesAreYaml() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertEquals(
                List.of("postgres", "afterimage-1", "afterimage-2", "caddy"),
                List.copyOf(
                        iterable(yaml.readTree(DEPLOY.resolve("compose.yaml").toFile())
                                .path("services")
                                .fieldNames())));
        List<String> kinds = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory()
                .createParser(DEPLOY.resolve("kubernetes/afterimage.yaml").toFile())) {
            yaml.readValues(parser, JsonNode.class)
                    .forEachRemaining(
                            document -> kinds.add(document.path("kind").asText()));
        }
        assertEquals(List.of("ConfigMap", "Secret", "PersistentVolumeClaim", "Deployment", "Service"), kinds);
    }

    private static <T> List<T> iterable(Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }
}
