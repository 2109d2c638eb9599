package dev.afterimage.testkit;

/** A wrong answer a fake platform gives ahead of its own until healed: an outage, a timeout, a rate limit. */
@FunctionalInterface
public interface Fault {

    /** Lets the platform answer for itself again. */
    void heal();
}
