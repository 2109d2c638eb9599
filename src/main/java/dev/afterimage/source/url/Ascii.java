package dev.afterimage.source.url;

/**
 * Case folding for hosts and account names, which are ASCII on every platform here. {@link String#toLowerCase} would
 * also turn some other characters into ASCII letters (the Kelvin sign into {@code k}), letting a look-alike through.
 */
final class Ascii {

    private Ascii() {}

    /** {@code A}-{@code Z} become {@code a}-{@code z}; every other character stays as it is. */
    static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }
}
