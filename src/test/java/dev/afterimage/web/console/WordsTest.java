package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
