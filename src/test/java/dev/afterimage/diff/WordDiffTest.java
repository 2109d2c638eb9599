package dev.afterimage.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.diff.WordDiff.Chunk;
import dev.afterimage.diff.WordDiff.Op;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void changedWordIsOneDeleteAndOneInsert() {
        List<Chunk> diff = WordDiff.between("Irrefutable evidence of support", "Evidence of support");
        assertEquals(
                List.of(
                        new Chunk(Op.DELETE, "Irrefutable evidence"),
                        new Chunk(Op.INSERT, "Evidence"),
                        new Chunk(Op.EQUAL, " of support")),
                diff);
    }

    @Test
    void diffRebuildsBothTexts() {
        String before = "The convoy was seen near the border on Tuesday.\nPhotos attached.";
        String after = "The convoy was seen far from the border on Monday.\nPhotos attached, more later.";
        List<Chunk> diff = WordDiff.between(before, after);
        assertEquals(
                before,
                diff.stream().filter(c -> c.op() != Op.INSERT).map(Chunk::text).collect(Collectors.joining()));
        assertEquals(
                after,
                diff.stream().filter(c -> c.op() != Op.DELETE).map(Chunk::text).collect(Collectors.joining()));
    }

    @Test
    void wordsReplacedAcrossASpaceAreOneChange() {
        assertEquals(
                List.of(
                        new Chunk(Op.EQUAL, "The convoy was seen "),
                        new Chunk(Op.DELETE, "near"),
                        new Chunk(Op.INSERT, "far from"),
                        new Chunk(Op.EQUAL, " the border")),
                WordDiff.between("The convoy was seen near the border", "The convoy was seen far from the border"));
    }

    @Test
    void identicalTextsAreOneEqualRun() {
        assertEquals(List.of(new Chunk(Op.EQUAL, "same words")), WordDiff.between("same words", "same words"));
    }

    @Test
    void textFromNothingIsOneInsert() {
        assertEquals(List.of(new Chunk(Op.INSERT, "new text")), WordDiff.between("", "new text"));
    }
}
