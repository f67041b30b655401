package org.bookcheck.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's one rule for cutting text into word tokens, shared by the reference {@code tokenize} and
 * the model's word tokenizer so the two can never disagree.
 */
public final class Words {

    /**
     * A word is a run of letters and digits (with inner apostrophes, as in "it's"); every other visible
     * character is a token of its own, so "The cat sat on the mat." gives seven tokens. What separates
     * tokens is Unicode's: white space of every kind (a no-break space U+00A0, a narrow no-break space
     * U+202F, an em space U+2003, an ideographic space U+3000, as well as ASCII's), control characters and
     * invisible format characters (a zero-width space U+200B, a byte order mark U+FEFF, a soft hyphen).
     */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*|[^\\s\\p{Cc}\\p{Cf}\\p{L}\\p{N}]",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Words() {
    }

    /** The tokens of a text, in order. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
