package dev.afterimage;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, first checking the Java version. This one class is compiled for Java 17 (see pom.xml), so an
 * older runtime reads it and says what is wrong, where the service's own classes would end the process without a word.
 */
@QuarkusMain
public final class Launcher {

    static final int NEEDED_JAVA = 21;

    private Launcher() {}

    public static void main(String... args) {
        int running = Runtime.version().feature();
        if (running < NEEDED_JAVA) {
            System.err.printf(
                    "Afterimage needs Java %d or newer; you have %d (%s). See README.md, \"Getting a JDK 21\".%n",
                    NEEDED_JAVA, running, System.getProperty("java.home"));
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
