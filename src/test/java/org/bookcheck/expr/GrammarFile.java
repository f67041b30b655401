package org.bookcheck.expr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expr.g4 read as text, so tests can hold the README and the test cases to what the grammar file says: the
 * order of its parser rules, and the spellings of every token rule that is a plain choice of literals.
 */
final class GrammarFile {

    static final Path ROOT = Path.of(System.getProperty("bookcheck.root", "."));
    static final Path GRAMMAR = ROOT.resolve("src/main/antlr4/org/bookcheck/expr/Expr.g4");

    private static final Pattern TOKEN_RULE = Pattern.compile("(?m)^([A-Z][A-Z_]*)\\s*:\\s*\\(?\\s*((?:'(?:[^'\\\\]|\\\\.)*'\\s*\\|?\\s*)+)\\)?\\s*(->\\s*skip\\s*)?;");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern PARSER_RULE = Pattern.compile("(?m)^([a-z][A-Za-z]*)\\s*:");

    private GrammarFile() {
    }

    static String text() {
        try {
            return Files.readString(GRAMMAR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Token rules that are a plain choice of literals ({@code TIMES : '×' | '*' | '\\times' ;}), each with its spellings unescaped. */
    static Map<String, List<String>> literalTokens() {
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        Matcher m = TOKEN_RULE.matcher(text());
        while (m.find()) {
            List<String> spellings = new ArrayList<>();
            Matcher l = LITERAL.matcher(m.group(2));
            while (l.find()) {
                spellings.add(unescape(l.group(1)));
            }
            tokens.put(m.group(1), spellings);
        }
        return tokens;
    }

    /** The parser rules in the order the file defines them. */
    static List<String> parserRules() {
        List<String> rules = new ArrayList<>();
        Matcher m = PARSER_RULE.matcher(text());
        while (m.find()) {
            rules.add(m.group(1));
        }
        return rules;
    }

    /** ANTLR's escapes in a literal: {@code \\} is a backslash, {@code \u00D7} a code point, {@code \'} a quote. */
    static String unescape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (literal.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(literal.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(literal.charAt(++i));
            }
        }
        return out.toString();
    }
}
