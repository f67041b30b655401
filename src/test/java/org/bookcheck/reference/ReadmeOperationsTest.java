package org.bookcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's operations table is the catalogue: one row per operation, in its order, with its signature, formula and summary. */
class ReadmeOperationsTest {

    private static final Path README = Path.of(System.getProperty("bookcheck.root", "."), "README.md");

    private static String row(Operation o) {
        return "| `" + o.signature() + "` | " + o.formula().replace("|", "\\|") + " | " + o.summary().replace("|", "\\|") + " |";
    }

    @Test
    void theOperationsTableListsTheCatalogue() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int header = lines.indexOf("| op | formula | what it does |");
        List<String> table = lines.subList(header + 2, lines.size()).stream().takeWhile(l -> l.startsWith("|")).toList();
        assertEquals(Arrays.stream(Operation.values()).map(ReadmeOperationsTest::row).toList(), table,
                "README § Operations must list every operation of the catalogue, in its order, as the catalogue describes it");
    }
}
