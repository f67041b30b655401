package org.bookcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errata report of the test book src/test/resources/books/report, worked by hand: its line 5 prints
 * softmax([2, 0]) as [0.5, 0.5] where e²/(e² + 1) = 7.389056/8.389056 = 0.880797 and 1/8.389056 = 0.119203
 * ([0.9, 0.1] at one decimal), a known erratum; its other values are right.
 */
class ErrataReportTest {

    private static Path copyOfReportBook(Path dir) throws Exception {
        Path from = Path.of(ErrataReportTest.class.getResource("/books/report").toURI());
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir;
    }

    @Test
    void theOriginComesWithEverythingToFixIt(@TempDir Path dir) throws Exception {
        String md = ErrataReport.render(BookChecker.check(new Book(copyOfReportBook(dir))));
        List<String> lines = md.lines().toList();
        assertEquals(List.of("# bookcheck errata report", "",
                "Book: 2 printed values: 1 ok, 1 wrong (1 known erratum); 1 supplementary value: 1 ok, 0 wrong; 3 fixtures, all as claimed", "",
                "## Wrong numbers to fix (origins)", "",
                "### chapters/report.md:5:35 — pie › p", "",
                "- **Claim:** erratum",
                "- **Quote:** `Scores [2, 0] give probabilities [0.5, 0.5]`",
                "- **Printed:** `[0.5, 0.5]`",
                "- **Exact:** `[0.880797, 0.119203]`",
                "- **At the printed precision:** `[0.9, 0.1]`"), lines.subList(0, 13), md);
        // The verdict says by how much (0.880797 − 0.5 = 0.380797) and the interval 0.5 stands for at one decimal.
        assertTrue(lines.get(13).startsWith("- **Verdict:** mismatch (known erratum) — printed [0.5, 0.5] but the exact value is"
                + " [0.880797, 0.119203] ([0.9, 0.1] at the printed precision; difference 0.380797;"), md);
        assertTrue(lines.get(13).endsWith("(first: [0.45, 0.55]))"), md);
        assertEquals("- **Known erratum:** e² ≈ 7.389 and e⁰ = 1 sum to ≈ 8.389, so softmax([2, 0]) ≈ [0.881, 0.119], not [0.5, 0.5]."
                + " Corrected: `[0.88, 0.12]`", lines.get(14));
        assertTrue(lines.get(15).startsWith("- **Calculation:** `p = softmax(x = scores)"), md);
        assertEquals(List.of("", "## Wrong only because an earlier number is wrong (propagated)", "", "None.", ""), lines.subList(16, 21), md);
        // Nothing else is wrong: no failing claims, unusable fixtures or notes.
        assertEquals(21, lines.size(), md);
    }

    @Test
    void aBookWithNothingWrongSaysSoAndListsUnusableFixturesAndStrayFiles(@TempDir Path dir) throws Exception {
        Path root = copyOfReportBook(dir);
        Files.delete(root.resolve("fixtures/report/pie.json"));
        Files.writeString(root.resolve("fixtures/report/broken.json"), "{");
        Files.writeString(root.resolve("fixtures/report/scratch.txt"), "not a fixture");
        Files.writeString(root.resolve("fixtures/report/waivers.json"), "{");
        String md = ErrataReport.render(BookChecker.check(new Book(root)));
        List<String> lines = md.lines().toList();
        int origins = lines.indexOf("## Wrong numbers to fix (origins)");
        assertEquals("None: every printed value checked stands for its exact value (or follows from carried rounding).", lines.get(origins + 2), md);
        int propagated = lines.indexOf("## Wrong only because an earlier number is wrong (propagated)");
        assertEquals("None.", lines.get(propagated + 2), md);
        int unusable = lines.indexOf("## Unusable fixtures");
        assertTrue(unusable > propagated, md);
        assertTrue(lines.get(unusable + 2).startsWith("- fixtures/report/broken.json:"), md);
        // Unusable fixtures first, then unusable waiver files.
        assertTrue(lines.get(unusable + 3).startsWith("- fixtures/report/waivers.json:"), md);
        int notes = lines.indexOf("## Notes");
        assertTrue(notes > unusable, md);
        assertEquals("- ignored fixtures/report/scratch.txt: not a fixture (fixtures are .json files)", lines.get(notes + 2), md);
        assertEquals(notes + 3, lines.size(), md);
    }

    @Test
    void aWrongValueIsAnOriginToFixNotAlsoAFailingClaim(@TempDir Path dir) throws Exception {
        Path root = copyOfReportBook(dir);
        Path chapter = root.resolve("chapters/report.md");
        Path update = root.resolve("fixtures/report/update.json");
        // 0.46 printed where 0.4 − 0.5×(−0.1) = 0.45.
        Files.writeString(chapter, Files.readString(chapter).replace("w_new = [0.4, 0.45]", "w_new = [0.4, 0.46]"));
        Files.writeString(update, Files.readString(update).replace("[0.4, 0.45]\"", "[0.4, 0.46]\""));
        String md = ErrataReport.render(BookChecker.check(new Book(root)));
        List<String> lines = md.lines().toList();
        assertTrue(lines.contains("### chapters/report.md:3:70 — update › w_new"), md);
        assertTrue(lines.contains("- **Printed:** `[0.4, 0.46]`"), md);
        assertTrue(lines.contains("- **Exact:** `[0.4, 0.45]`"), md);
        assertTrue(!lines.contains("## Failing claims"), md);
    }

    @Test
    void anErratumTheBookHasFixedIsAFailingClaim(@TempDir Path dir) throws Exception {
        Path root = copyOfReportBook(dir);
        Path chapter = root.resolve("chapters/report.md");
        Path pie = root.resolve("fixtures/report/pie.json");
        // The chapter now prints [0.9, 0.1], right at one decimal, but the fixture still claims an erratum.
        Files.writeString(chapter, Files.readString(chapter).replace("probabilities [0.5, 0.5]", "probabilities [0.9, 0.1]"));
        Files.writeString(pie, Files.readString(pie).replace("probabilities [0.5, 0.5]", "probabilities [0.9, 0.1]")
                .replace("\"printed\": \"[0.5, 0.5]\"", "\"printed\": \"[0.9, 0.1]\""));
        String md = ErrataReport.render(BookChecker.check(new Book(root)));
        List<String> lines = md.lines().toList();
        int failing = lines.indexOf("## Failing claims");
        assertTrue(failing > 0, md);
        assertEquals("```", lines.get(failing + 2), md);
        assertTrue(md.substring(md.indexOf("## Failing claims")).contains("pie"), md);
    }
}
