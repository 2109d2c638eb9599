package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VersionDiffTest {

    @Test
    void sideBySideMarksRemovedWordsLeftAndAddedWordsRight() {
        VersionDiff diff = VersionDiff.between(1, "seen near the border", 2, "seen far from the border");

        assertEquals("seen <del>near</del> the border", diff.before());
        assertEquals("seen <ins>far from</ins> the border", diff.after());
        assertEquals("seen <del>near</del><ins>far from</ins> the border", diff.inline());
    }

    @Test
    void archivedTextIsEscapedOnBothSides() {
        VersionDiff diff = VersionDiff.between(1, "a <b>", 2, "a <script>x</script>");

        assertEquals("a <del>&lt;b&gt;</del>", diff.before());
        assertEquals("a <ins>&lt;script&gt;x&lt;/script&gt;</ins>", diff.after());
    }
}
