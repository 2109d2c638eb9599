package dev.afterimage.verify;

/** One outcome of checking a package: something it proves, something false in it, or something not checked. */
public sealed interface Finding {

    /** What the finding is about, e.g. {@code datapackage.json} or {@code timestamps/1.tsr}. */
    String subject();

    /** What the finding says, in a sentence a reader without the code understands. */
    String text();

    /** A check that held. */
    record Proven(String subject, String text) implements Finding {}

    /** A check that failed: the package, or this part of it, is not what it claims. */
    record Failed(String subject, String text) implements Finding {}

    /** Something that could not be checked, and why (a missing input, a part the package does not have). */
    record NotChecked(String subject, String text) implements Finding {}
}
