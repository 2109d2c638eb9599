package dev.afterimage.testkit;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A python3 for tests that check our output with Python's own readers, found where a user's machine keeps one. */
public final class Python {

    private Python() {}

    /**
     * An interpreter that can import {@code module}: Debian's first (where apt installs modules such as feedparser),
     * then whatever python3 is on the PATH; empty when none can.
     */
    public static Optional<String> importing(String module) throws InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (python.startsWith("/") && !new File(python).canExecute()) {
                continue;
            }
            try {
                Process probe = new ProcessBuilder(python, "-c", "import " + module)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Optional.of(python);
                }
            } catch (IOException absent) {
                // This interpreter is not installed: try the next one.
            }
        }
        return Optional.empty();
    }
}
