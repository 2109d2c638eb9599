package dev.afterimage.web.console;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The words of a text as the search index keeps them: lower case, letters and digits, each once. */
final class Words {

    /** Anything that is not a letter, a digit or a combining mark separates words, in any script. */
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    /** The column's width; a longer "word" is a URL fragment or a hash, which nobody searches for by halves. */
    static final int MAX_LENGTH = 40;

    /** Bounds one version's share of the index; a post longer than this is still found by its first words. */
    private static final int MAX_WORDS = 1000;

    /** A search asks the index once per word; past this many, the longest (the rarest) words decide. */
    private static final int MAX_QUERY_WORDS = 10;

    private Words() {}

    /**
     * The words a search looks for; empty when one of them is longer than any indexed word, since no post can then
     * hold them all.
     */
    static Optional<Set<String>> query(String text) {
        for (String word : SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() > MAX_LENGTH) {
                return Optional.empty();
            }
        }
        Set<String> words = new LinkedHashSet<>();
        of(text).stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(MAX_QUERY_WORDS)
                .forEach(words::add);
        return Optional.of(words);
    }

    static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String word : SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && word.length() <= MAX_LENGTH) {
                words.add(word);
                if (words.size() == MAX_WORDS) {
                    break;
                }
            }
        }
        return words;
    }
}
