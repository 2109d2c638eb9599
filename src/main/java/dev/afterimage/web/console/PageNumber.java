package dev.afterimage.web.console;

/** Which page of a console list a link asks for. */
final class PageNumber {

    /** Far past any list's end: a page number is never large enough to overflow an offset. */
    private static final int LAST = 100_000;

    private PageNumber() {}

    /** Counted from 0; anything but a small whole number is the first page, as a stale link should be. */
    static int of(String text) {
        return text != null && text.matches("\\d{1,6}") ? Math.min(Integer.parseInt(text), LAST) : 0;
    }
}
