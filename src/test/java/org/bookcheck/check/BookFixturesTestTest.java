package org.bookcheck.check;

import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The book's test factory, run on a throwaway book: one visible test per checked value, named
 * {@code <chapter> › <fixture id>}, and a wrong number fails with printed, exact and the chapter line.
 */
class BookFixturesTestTest {

    @TempDir
    Path dir;

    private record Run(Events tests, List<String> containers) {
    }

    private Run runOn(Path root) {
        String oldRoot = System.getProperty("bookcheck.root");
        String oldReports = System.getProperty("bookcheck.reports");
        try {
            System.setProperty("bookcheck.root", root.toString());
            System.setProperty("bookcheck.reports", root.resolve("reports").toString());
            var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BookFixturesTest.class)).execute();
            List<String> containers = results.containerEvents().started().list().stream()
                    .map(e -> e.getTestDescriptor().getDisplayName()).toList();
            return new Run(results.testEvents(), containers);
        } finally {
            restore("bookcheck.root", oldRoot);
            restore("bookcheck.reports", oldReports);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void aWrongNumberFailsItsTestWithPrintedExactAndLine() throws Exception {
        new TempBook(dir).chapter("# Sums\n\nSum: 2 + 2 = 5.\nProduct: 2 × 3 = 6.\n")
                .fixture("sum", holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"))
                .fixture("product", holds("product", "2 × 3 = 6", "{\"a\": 2, \"b\": 3}",
                        "[{\"name\": \"p\", \"op\": \"elementwise_product\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"6\"}]"));
        Run run = runOn(dir);
        Events events = run.tests();

        assertTrue(run.containers().containsAll(List.of("ch › sum", "ch › product")), run.containers()::toString);
        assertEquals(1, events.failed().count(), "only the wrong number fails");
        Event failed = events.failed().list().get(0);
        String message = failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
        assertTrue(failed.getTestDescriptor().getDisplayName().startsWith("✗ s (line 3): mismatch"),
                failed.getTestDescriptor().getDisplayName());
        assertTrue(message.contains("chapters/ch.md:3:14") && message.contains("printed:     5") && message.contains("exact:       4"),
                message);
        List<String> passedNames = events.succeeded().list().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertTrue(passedNames.stream().anyMatch(n -> n.startsWith("✓ p (line 4): ok")), passedNames::toString);
        // One of two values is wrong (2 + 2 printed 5), so one of two fixtures fails.
        // The two lines are statements too: checked, and reported once, by their fixtures.
        assertTrue(passedNames.contains("Book: 2 printed values: 1 ok, 1 wrong; 2 fixtures and 2 statements, 1 failing"
                + " (errata: target/bookcheck/errata.md)"),
                passedNames::toString);
        assertTrue(Files.readString(dir.resolve("reports/errata.md")).contains("### chapters/ch.md:3:14 — sum › s"));
    }

    @Test
    void aFixtureThatFindsRightWhatItsLineGetsWrongFailsTheBook() {
        // The line's own arithmetic, 2 + 2 = 5, is wrong; a fixture that computes 2 + 3 instead finds 5 right.
        new TempBook(dir).chapter("Sum: 2 + 2 = 5.\n")
                .fixture("sum", holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 3}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"));
        Events events = runOn(dir).tests();
        assertEquals(1, events.failed().count());
        Event failed = events.failed().list().get(0);
        assertEquals("s (line 1) as its line writes it", failed.getTestDescriptor().getDisplayName());
        String message = failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
        assertTrue(message.contains("the fixture finds 5 ok, but its line's own arithmetic 2 + 2 = 5 does not hold as written"
                + " (it gives 4)"), message);
    }

    @Test
    void anUnusableFixtureIsAFailingTestNotASkip() {
        new TempBook(dir).chapter("Sum: 2 + 2 = 4.\n").fixture("sum", "{ not json");
        Events events = runOn(dir).tests();
        assertEquals(1, events.failed().count());
        String message = events.failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
        assertTrue(message.contains("fixtures/ch/sum.json:1:") && message.contains("not valid JSON"), message);
        assertEquals(0, events.skipped().count());
    }
}
