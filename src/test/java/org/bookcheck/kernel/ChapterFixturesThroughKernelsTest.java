package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bookcheck.check.Book;
import org.bookcheck.check.Evaluation;
import org.bookcheck.expr.Term;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.fixture.FixtureReader;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.Step;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Value;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The chapter's fixtures re-evaluated through the float32 kernels: every step a kernel computes is
 * recomputed by it from the same exact inputs, and must agree with the reference within float
 * precision and get the same verdict at the book's printed precision (a printed number the reference
 * finds right, the kernel finds right; an erratum stays wrong).
 */
class ChapterFixturesThroughKernelsTest {

    private static final Book BOOK = new Book(Path.of(System.getProperty("bookcheck.root", ".")));

    private static List<Fixture> fixtures() throws IOException {
        List<Fixture> out = new ArrayList<>();
        for (Path file : BOOK.fixtureFiles()) {
            out.add(assertInstanceOf(FixtureLoad.Loaded.class, FixtureReader.read(file), file.toString()).fixture());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicNode> everyKernelStepAgreesAtThePrintedPrecision() throws IOException {
        Map<String, List<DynamicNode>> byChapter = new LinkedHashMap<>();

        for (Fixture fixture : fixtures()) {
            List<Step> twinned = fixture.steps().stream().filter(s -> twin(Evaluation.of(fixture), s).isPresent()).toList();
            if (twinned.isEmpty()) {
                continue;
            }
            // No file URI as test source: Surefire drops dynamic tests whose source is not a class or method.
            byChapter.computeIfAbsent(fixture.chapterStem(), k -> new ArrayList<>()).add(dynamicTest(fixture.id() + " ("
                    + twinned.size() + " kernel steps)", () -> checkFixture(fixture)));
        }
        return byChapter.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
    }

    @Test
    void theKernelsCoverTheChaptersLinearAlgebraSoftmaxAttentionLossAndUpdate() throws IOException {
        List<String> ops = new ArrayList<>();
        for (Fixture fixture : fixtures()) {
            Evaluation e = Evaluation.of(fixture);
            for (Step s : fixture.steps()) {
                if (twin(e, s).isPresent() && !ops.contains(((Term.Apply) e.term(s.name())).op().opName())) {
                    ops.add(((Term.Apply) e.term(s.name())).op().opName());
                }
            }
        }
        for (String op : List.of("matmul", "softmax", "layer_norm", "attention", "cross_entropy", "weight_update",
                "embedding_lookup", "softmax_cross_entropy_gradient")) {
            assertTrue(ops.contains(op), op + " is re-evaluated through a kernel; covered: " + ops);
        }
    }

    /** The step's operation through its kernel twin, on the exact values of its arguments (either form of step). */
    private static Optional<Value> twin(Evaluation e, Step step) {
        if (!(e.term(step.name()) instanceof Term.Apply root)) {
            return Optional.empty();
        }
        Map<String, Value> args = new LinkedHashMap<>();
        root.args().forEach((param, sub) -> args.put(param, e.nodes(step.name()).of(sub)));
        return KernelTwins.evaluate(root.op(), args);
    }

    private static void checkFixture(Fixture fixture) {
        Evaluation e = Evaluation.of(fixture);
        assertTrue(e.errors().isEmpty(), e.errors().toString());
        for (Step step : fixture.steps()) {
            Optional<Value> kernel = twin(e, step);
            if (kernel.isEmpty()) {
                continue;
            }
            Numeric exact = (Numeric) e.exact(step.name());
            Numeric mine = (Numeric) kernel.get();
            float[] asFloats = new float[mine.size()];
            for (int i = 0; i < asFloats.length; i++) {
                asFloats[i] = (float) mine.at(i);
            }
            assertEquals(exact.size(), mine.size(), step.name());
            Check.close(exact, asFloats, null, fixture.id() + " › " + step.name());
            if (step.printed().isPresent()) {
                double tolerance = fixture.toleranceOf(step).map(t -> t.absolute()).orElse(0.0);
                List<PrintedNumber> printed = numbers(step.printed().get());
                for (int i = 0; i < printed.size(); i++) {
                    assertEquals(printed.get(i).admits(exact.at(i), tolerance), printed.get(i).admits(mine.at(i), tolerance),
                            fixture.id() + " › " + step.name() + " element " + i + ": printed " + printed.get(i).text()
                                    + ", reference " + exact.at(i) + ", kernel " + mine.at(i));
                }
            }
        }
    }

    private static List<PrintedNumber> numbers(PrintedValue printed) {
        return switch (printed) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            default -> List.of();
        };
    }
}
