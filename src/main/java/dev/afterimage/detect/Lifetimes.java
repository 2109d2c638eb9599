package dev.afterimage.detect;

import java.time.Duration;

/** Says how long a post lived in the words an alert reader wants: "57 min", "about 3 h", "2 d". */
public final class Lifetimes {

    private Lifetimes() {}

    static String describe(Duration atLeast, Duration atMost) {
        String low = human(atLeast);
        String high = human(atMost);
        return low.equals(high) ? low : low + " to " + high;
    }

    public static String human(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "under 1 min";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        if (hours < 48) {
            return hours + " h";
        }
        return duration.toDays() + " d";
    }
}
