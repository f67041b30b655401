package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.From;

/** The token rule: a number is a whole token, never a part of a longer one, wherever it is read. */
class NumberTokensProperties {

    /** Numbers as books print them: a sign, digits, a decimal part, an exponent, a percent sign. */
    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> sign = Arbitraries.of("", "", "-", "−");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> decimals = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5).map(d -> "." + d).injectDuplicates(0)
                .optional().map(o -> o.orElse(""));
        Arbitrary<String> tail = Arbitraries.of("", "", "", "%", "e-5", "E3");
        return Combinators.combine(sign, digits, decimals, tail).as((s, d, f, t) -> s + d + f + t);
    }

    @Property(tries = 300)
    void aListOfNumbersReadsAsExactlyItsNumbersInProseAndInCode(@ForAll @Size(min = 1, max = 6) List<@From("numbers") String> list) {
        String line = "x = [" + String.join(", ", list) + "]";
        for (String markdown : List.of(line + "\n", "```\n" + line + "\n```\n")) {
            List<ChapterNumber> read = ChapterNumbers.scan(markdown).numbers();
            assertEquals(list, read.stream().map(ChapterNumber::text).toList(), markdown);
            String text = markdown.lines().toList().get(read.get(0).line() - 1);
            read.forEach(n -> assertEquals(n.text(), n.span().text(text)));
        }
    }

    @Property(tries = 1000)
    void noTokenEverContinuesADigitOrOverlapsAnother(@ForAll("lines") String line) {
        List<NumberTokens.Bounds> tokens = NumberTokens.in(line, 0, line.length(), false);
        int previousEnd = 0;
        for (NumberTokens.Bounds b : tokens) {
            assertTrue(b.start() >= previousEnd, () -> "overlap in " + line);
            // Never right after a digit; digits never right after a dot (the decimals of a longer number).
            char before = b.start() > 0 ? line.charAt(b.start() - 1) : ' ';
            assertFalse(Character.isDigit(before) || (before == '.' && Character.isDigit(line.charAt(b.start()))),
                    () -> "a token continues another in \"" + line + "\": " + line.substring(b.start(), b.end()));
            String text = line.substring(b.start(), b.end());
            assertFalse(!text.endsWith("%") && b.end() < line.length() && Character.isDigit(line.charAt(b.end())),
                    () -> "a token cut before a digit in \"" + line + "\": " + text);
            assertTrue(Double.isFinite(NumberTokens.valueOf(text)) || text.contains("e") || text.contains("E"), text);
            previousEnd = b.end();
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("0123456789.,-−e%x[]_= ").ofMaxLength(30);
    }
}
