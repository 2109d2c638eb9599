package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void wordsAreLowerCasedOnceEachInAnyScript() {
        assertEquals(
                List.of("конвой", "замечен", "у", "границы", "convoy", "14", "11", "2017"),
                List.copyOf(Words.of("Конвой замечен у границы! Конвой — convoy, 14.11.2017? CONVOY")));
    }

    @Test
    void punctuationAndOverlongTokensAreNotWords() {
        assertEquals(List.of("near"), List.copyOf(Words.of("%% near ... " + "x".repeat(Words.MAX_LENGTH + 1))));
    }

    @Test
    void aSearchForAWordLongerThanAnyIndexedOneFindsNothingRatherThanEverything() {
        assertEquals(Optional.empty(), Words.query("convoy " + "x".repeat(Words.MAX_LENGTH + 1)));
    }

    @Test
    void aLongSearchAsksForItsTenLongestWords() {
        Set<String> query = Words.query("a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii jjjjjjjjjj kkkkkkkkkkk")
                .orElseThrow();
        assertEquals(10, query.size());
        assertEquals(false, query.contains("a"));
    }
}
