package org.bookcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bookcheck.reference.Operation;
import org.junit.jupiter.api.Test;

/** The README's section "The expression language" against Expr.g4: its precedence table, every spelling, every function. */
class ReadmeExpressionTest {

    /** The operator levels of the grammar, loosest first, as the README's table names them. */
    private static final List<String> LEVELS = List.of("relation", "sum", "product", "unary", "power", "postfix", "primary");

    private static String section() throws IOException {
        String readme = Files.readString(GrammarFile.ROOT.resolve("README.md"));
        int start = readme.indexOf("### The expression language");
        assertTrue(start >= 0, "README has no section \"The expression language\"");
        int end = readme.indexOf("\n## ", start);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void thePrecedenceTableListsTheGrammarsLevelsInItsOrder() throws IOException {
        List<String> rules = GrammarFile.parserRules().stream().filter(LEVELS::contains).toList();
        assertEquals(LEVELS, rules, "Expr.g4 defines its operator levels loosest first");
        List<String> table = section().lines().dropWhile(l -> !l.startsWith("| level |")).skip(2).takeWhile(l -> l.startsWith("|"))
                .map(l -> l.split("\\|")[1].strip()).toList();
        assertEquals(rules, table, "README's precedence table, first column");
    }

    @Test
    void everySpellingOfEveryTokenIsInTheSection() throws IOException {
        String section = section().replace("\\|", "|");
        Map<String, List<String>> missing = new LinkedHashMap<>();
        GrammarFile.literalTokens().forEach((token, spellings) -> spellings.stream().filter(s -> !section.contains(s))
                .forEach(s -> missing.computeIfAbsent(token, k -> new ArrayList<>()).add(s)));
        for (String f : List.of("\\ln", "\\log", "\\exp", "\\max", "\\min", "\\tanh", "bmatrix", "pmatrix", "vmatrix", "Bmatrix", "Vmatrix")) {
            if (!section.contains("`" + f)) {
                missing.computeIfAbsent("LATEX_FUNCTION, BEGIN_MATRIX", k -> new ArrayList<>()).add(f);
            }
        }
        assertEquals(Map.of(), missing, "spellings of Expr.g4 the README's expression section does not mention");
    }

    @Test
    void theFunctionsBesideTheCatalogueAreNamedInTheSection() throws IOException {
        Set<String> aliases = new TreeSet<>(Expressions.functions());
        Arrays.stream(Operation.values()).map(Operation::opName).toList().forEach(aliases::remove);
        assertEquals(Set.of("log", "log10", "log2"), aliases);
        String section = section();
        for (String f : List.of("log", "log10", "log2", "exp", "ln", "sqrt", "max", "min", "abs", "sum", "mean")) {
            assertTrue(section.contains("`" + f + "`") || section.contains("`" + f + "("), "README's expression section names " + f);
            assertTrue(Expressions.functions().contains(f), f + " is a function of the language");
        }
    }
}
