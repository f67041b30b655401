package org.bookcheck.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.io.AtomicFiles;
import org.bookcheck.statement.StatementBook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code mvn test} checks the book: one container per fixture
 * ({@code <chapter> › <fixture id>}, and {@code <chapter> › statements} for the arithmetic a chapter writes out that no
 * fixture checks), one test per checked printed value. A wrong number fails with
 * the book's printed value, the exact value and the chapter line. The run ends with a test named by
 * the book's summary line and leaves the errata report in target/bookcheck/errata.md.
 */
class BookFixturesTest {

    @TestFactory
    @DisplayName("book")
    Stream<DynamicNode> book() throws IOException {
        Book book = new Book(Path.of(System.getProperty("bookcheck.root", ".")));
        // Fixtures, then the arithmetic the chapters write out (statements), as `verify` checks them by default.
        BookReport fixtures = BookChecker.check(book);
        BookReport report = StatementBook.check(book, book.chapterNames(), fixtures, StatementBook.Mode.CHECK).report();
        Path errata = Path.of(System.getProperty("bookcheck.reports", "target/bookcheck")).resolve("errata.md");
        Files.createDirectories(errata.getParent());
        AtomicFiles.writeString(errata, ErrataReport.render(report), true);

        // Results come sorted by chapter, and each container's name starts with its chapter, so a chapter
        // level would only repeat it. The last test is named by the book's summary line, so the run ends with it.
        Stream<DynamicNode> waivers = report.waivers().stream().map(w -> dynamicTest(w.chapterStem() + " › waivers ("
                + w.numberCount() + " numbers left unchecked on purpose)", () -> assertTrue(w.errors().isEmpty(),
                () -> String.join("\n", w.errors().stream().map(e -> e.render(book.root())).toList()))));
        // A note is a stray file under fixtures/, reported and not checked: the whole note, and the file is really there and no fixture.
        Stream<DynamicNode> notes = fixtures.notes().stream().map(note -> dynamicTest("note: " + note, () -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("ignored (fixtures/.+): not a fixture \\(fixtures are \\.json files\\)")
                    .matcher(note);
            assertTrue(m.matches(), note);
            Path stray = book.root().resolve(m.group(1));
            assertTrue(Files.isRegularFile(stray) && !stray.toString().endsWith(".json") && !stray.toString().endsWith(".md"), note);
        }));
        // The statements' notes: per chapter what was found, checked and not understood.
        Stream<DynamicNode> statementNotes = report.notes().stream().filter(note -> !fixtures.notes().contains(note))
                .map(note -> dynamicTest("statements: " + note, () -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(chapters/[^:]+\\.md): \\d+ statements, \\d+ checked.*")
                            .matcher(note);
                    assertTrue(m.matches(), note);
                    assertTrue(Files.isRegularFile(book.root().resolve(m.group(1))), note);
                }));
        DynamicNode summary = dynamicTest(report.summaryLine() + " (errata: target/bookcheck/errata.md)",
                () -> assertTrue(Files.readString(errata).contains(report.summaryLine()), "the errata report was not written"));
        return Stream.of(report.results().stream().map(result -> fixtureNode(book, result)), waivers, notes, statementNotes,
                        Stream.of(summary))
                .flatMap(s -> s);
    }

    private static DynamicNode fixtureNode(Book book, FixtureResult result) {
        List<DynamicNode> tests = new ArrayList<>();
        for (FixtureError error : result.errors()) {
            tests.add(dynamicTest("fixture is usable", () -> fail(error.render(book.root()))));
        }
        for (Failure failure : result.failures()) {
            String what = switch (failure) {
                case Failure.QuoteMoved q -> "quote still in the chapter";
                case Failure.OccurrenceGone o -> "quote still in the chapter";
                case Failure.LineDisagrees d -> d.finding().step() + " (line " + d.finding().location().line() + ") as its line writes it";
                case Failure.SidesDisagree d -> "the sides of " + d.statement() + " agree";
                case Failure.WrongValue w -> null; // the value's own test below fails
                case Failure.ErratumFixed e -> null;
            };
            if (what != null) {
                tests.add(dynamicTest(what, () -> fail(failure.text())));
            }
        }
        for (Finding f : result.findings()) {
            String name = FindingText.mark(f) + " " + f.step() + " (line " + f.location().line() + "): " + FindingText.label(f);
            tests.add(dynamicTest(name, () -> assertFalse(f.failsClaim(), () -> Failure.of(f).text())));
        }
        // No file URI as test source: Surefire drops tests whose source is not a class or method from its count.
        return dynamicContainer(result.chapterStem() + " › " + result.id(), tests.stream());
    }
}
