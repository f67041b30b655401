package org.bookcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.ElementVerdict;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.check.ValueText;
import org.bookcheck.check.Verdict;
import org.bookcheck.fixture.ClaimKind;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.statement.Statement;
import org.bookcheck.statement.StatementCheck;

/**
 * The verify report as JSON with a stable shape (version {@value #FORMAT}), for a book repository's
 * CI: one record per finding with fixture, step, chapter, line, column, quote, printed, exact, verdict,
 * calculation and suggested fix, then the failing claims and unusable fixtures. The README documents
 * every field; new fields may be added, existing ones keep their meaning.
 */
public final class JsonReport {

    /** The value of the top-level {@code format} field. */
    public static final String FORMAT = "bookcheck-verify/1";

    private JsonReport() {
    }

    public static String render(ReportView view, int exitCode, List<Correction> corrections) {
        return render(view, exitCode, corrections, f -> Optional.empty());
    }

    /**
     * The report, with each finding's {@code source}: {@code "statement"} for a calculation the chapter writes out (checked
     * with no fixture; {@code statementOf} gives it, for its text and span) or {@code "fixture"}.
     */
    public static String render(ReportView view, int exitCode, List<Correction> corrections,
            java.util.function.Function<Finding, Optional<Statement>> statementOf) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        BookReport report = view.report();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("passed", report.passed());
        root.put("exitCode", exitCode);
        ObjectNode summary = root.putObject("summary");
        summary.put("line", report.summaryLine());
        summary.put("fixtures", report.results().size());
        summary.put("values", report.findings().count());
        summary.put("holds", report.passedWithClaim(ClaimKind.HOLDS));
        summary.put("errata", report.passedWithClaim(ClaimKind.ERRATUM));
        summary.put("illustrative", report.passedWithClaim(ClaimKind.ILLUSTRATIVE));
        summary.put("supplementary", report.passedWithClaim(ClaimKind.SUPPLEMENTARY));
        summary.put("failing", report.failing());
        summary.put("unusable", report.invalid());
        counts(summary.putObject("printed"), report.printedValues());
        counts(summary.putObject("supplementaryValues"), report.workedValues());
        ArrayNode chapters = root.putArray("chapters");
        view.allChapters().forEach(chapters::add);
        Map<Finding, Correction> fixes = corrections.stream().collect(Collectors.toMap(Correction::finding, c -> c, (a, b) -> a));
        ArrayNode findings = root.putArray("findings");
        for (String chapter : view.allChapters()) {
            for (Finding f : view.findings(chapter)) {
                ObjectNode n = findings.addObject();
                n.put("source", StatementCheck.isStatement(f) ? "statement" : "fixture");
                n.put("fixture", f.fixtureId());
                Optional<Statement> statement = StatementCheck.isStatement(f) ? statementOf.apply(f) : Optional.empty();
                if (statement.isPresent()) {
                    ObjectNode st = n.putObject("statement");
                    st.put("text", statement.get().text());
                    st.put("line", statement.get().line());
                    st.put("endLine", statement.get().endLine());
                    st.put("context", statement.get().context().word());
                    ArrayNode stSpans = st.putArray("spans");
                    for (org.bookcheck.statement.Side side : statement.get().sides()) {
                        for (Span span : side.spans()) {
                            stSpans.addObject().put("line", span.line()).put("column", span.column()).put("endColumn", span.endColumn());
                        }
                    }
                }
                n.put("file", relative(report.root(), f.fixtureFile()));
                n.put("step", f.step());
                n.put("chapter", f.location().chapter());
                n.put("line", f.location().line());
                n.put("column", f.location().column());
                n.put("location", f.location().toString());
                ArrayNode spans = n.putArray("spans");
                for (Span span : f.spans()) {
                    spans.addObject().put("line", span.line()).put("column", span.column()).put("endColumn", span.endColumn());
                }
                n.put("quote", f.quote());
                n.put("printed", f.printed().text());
                n.put("exact", ValueText.exact(f.exact()));
                n.put("exactAtPrintedPrecision", f.exactRounded());
                n.put("verdict", verdictKey(f.verdict()));
                n.put("label", FindingText.label(f));
                n.put("claim", f.claim().jsonName());
                n.put("expectation", f.expectation().name().toLowerCase(Locale.ROOT));
                n.put("failsClaim", f.failsClaim());
                n.put("origin", f.isOrigin());
                ArrayNode origins = n.putArray("origins");
                if (f.verdict() instanceof Verdict.Propagated p) {
                    p.origins().forEach(origins::add);
                }
                ArrayNode elements = n.putArray("elements");
                for (ElementVerdict e : f.elements()) {
                    ObjectNode element = elements.addObject().put("index", e.index()).put("position", e.position())
                            .put("verdict", verdictKey(e.verdict()));
                    ArrayNode from = element.putArray("from");
                    if (e.verdict() instanceof Verdict.Propagated p) {
                        p.from().forEach(r -> from.addObject().put("step", r.step()).put("index", r.index()).put("position", r.position()));
                    }
                }
                n.put("calculation", f.calculation());
                n.put("explanation", f.explanation());
                Optional<Correction> fix = Optional.ofNullable(fixes.get(f));
                if (fix.isEmpty()) {
                    n.putNull("suggestedFix");
                } else {
                    ObjectNode s = n.putObject("suggestedFix");
                    s.put("from", fix.get().from());
                    s.put("to", fix.get().to());
                    ArrayNode edits = s.putArray("edits");
                    for (Correction.Replacement r : fix.get().replacements()) {
                        ObjectNode e = edits.addObject();
                        e.put("line", r.line());
                        e.put("column", r.start() + 1);
                        e.put("from", r.from());
                        e.put("to", r.to());
                    }
                    ArrayNode notes = s.putArray("notes");
                    fix.get().notes().forEach(notes::add);
                }
            }
        }
        ArrayNode failures = root.putArray("failures");
        view.failures().forEach(f -> failures.add(f.text()));
        ArrayNode errors = root.putArray("errors");
        for (FixtureError e : view.errors()) {
            ObjectNode n = errors.addObject();
            n.put("file", relative(report.root(), e.file()));
            n.put("line", e.position().line());
            n.put("column", e.position().column());
            n.put("field", e.pointer() == null || e.pointer().isEmpty() ? "" : FixtureError.readable(e.pointer()));
            n.put("message", e.message());
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    /** Values by verdict, and how many wrong ones a claim accounts for. */
    private static void counts(ObjectNode node, BookReport.ValueCounts c) {
        node.put("values", c.values());
        node.put("ok", c.ok());
        node.put("wrong", c.wrong());
        node.put("knownErrata", c.knownErrata());
        node.put("wrongIllustrative", c.wrongIllustrative());
        node.put("propagated", c.propagated());
        node.put("fromKnownErrata", c.fromKnownErrata());
        node.put("propagatedIllustrative", c.propagatedIllustrative());
    }

    /** The verdict as a key: ok, ok_within_tolerance, ok_rounding_carried, mismatch, propagated. */
    public static String verdictKey(Verdict v) {
        return switch (v) {
            case Verdict.Ok o -> "ok";
            case Verdict.OkWithinTolerance t -> "ok_within_tolerance";
            case Verdict.OkRoundingCarried c -> "ok_rounding_carried";
            case Verdict.Mismatch m -> "mismatch";
            case Verdict.Propagated p -> "propagated";
        };
    }

    static String relative(Path root, Path file) {
        try {
            Path rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
            return rel.startsWith("..") ? file.toString() : rel.toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
