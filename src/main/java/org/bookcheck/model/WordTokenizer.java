package org.bookcheck.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bookcheck.text.Words;

/**
 * Word-level tokens as the chapter makes them: runs of letters and digits (with inner apostrophes)
 * are words, and every other visible character is a token of its own, so "The cat sat on the mat."
 * gives seven tokens. The vocabulary lists the tokens of a corpus in order of first appearance.
 */
public final class WordTokenizer implements Tokenizer {

    private static final Pattern WORD_START = Pattern.compile("^[\\p{L}\\p{N}]");

    private final List<String> vocabulary;
    private final Map<String, Integer> ids = new HashMap<>();

    /** A tokenizer over a given vocabulary (ids are positions in the list). */
    public WordTokenizer(List<String> vocabulary) {
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("a word vocabulary needs at least one token");
        }
        this.vocabulary = List.copyOf(vocabulary);
        for (int i = 0; i < this.vocabulary.size(); i++) {
            if (ids.put(this.vocabulary.get(i), i) != null) {
                throw new IllegalArgumentException("the token \"" + this.vocabulary.get(i) + "\" appears twice in the vocabulary");
            }
        }
    }

    /** The vocabulary of a corpus: its distinct tokens in order of first appearance. */
    public static WordTokenizer fit(String corpus) {
        List<String> tokens = split(corpus);
        List<String> vocab = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (String t : tokens) {
            if (seen.put(t, Boolean.TRUE) == null) {
                vocab.add(t);
            }
        }
        if (vocab.isEmpty()) {
            throw new IllegalArgumentException("the corpus has no tokens");
        }
        return new WordTokenizer(vocab);
    }

    /** The chapter's tokenization of a text: the book's one word rule, {@link Words#split}. */
    public static List<String> split(String text) {
        return Words.split(text);
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    @Override
    public TokenizerKind kind() {
        return TokenizerKind.WORD;
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public int[] encode(String text) {
        List<String> tokens = split(text);
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(tokens.get(i));
            if (id == null) {
                throw new IllegalArgumentException("the word \"" + tokens.get(i) + "\" is not in the model's vocabulary of "
                        + vocabulary.size() + " tokens");
            }
            out[i] = id;
        }
        return out;
    }

    @Override
    public String decode(int[] ids, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            String token = vocabulary.get(ids[i]);
            // Words are separated by spaces; punctuation attaches to what precedes it.
            if (sb.length() > 0 && WORD_START.matcher(token).find()) {
                sb.append(' ');
            }
            sb.append(token);
        }
        return sb.toString();
    }

    @Override
    public String token(int id) {
        return vocabulary.get(id);
    }
}
