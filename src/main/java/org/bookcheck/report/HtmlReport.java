package org.bookcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bookcheck.chapter.ChapterNumber;
import org.bookcheck.chapter.ChapterNumbers;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.check.ValueText;
import org.bookcheck.coverage.Anchored;
import org.bookcheck.coverage.ChapterCoverage;
import org.bookcheck.coverage.Mark;
import org.bookcheck.coverage.NumberCoverage;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The verify report as one HTML page that shows the chapter itself: its Markdown rendered by
 * commonmark, its math typeset by MathJax 3 ({@code tex-svg.js} from the {@code org.webjars.npm:mathjax}
 * webjar, inlined so the page works offline from a file), and every number marked — holds, wrong, erratum,
 * illustrative, given, waived or not covered — with its exact value and the fixture's worked trace on
 * hover and click. Numbers inside math are marked after MathJax has typeset them, by matching the
 * number nodes ({@code data-mml-node="mn"}) of each formula to the numbers read from its source.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The page for the chapters' coverage, with the traces (plain text) of their fixtures by id. */
    public static String render(ReportView view, List<ChapterCoverage> chapters, Map<String, String> traces) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode data = mapper.createArrayNode();
        StringBuilder body = new StringBuilder();
        Map<Mark, Integer> counts = new EnumMap<>(Mark.class);
        for (ChapterCoverage coverage : chapters) {
            body.append("<article class=\"chapter\" id=\"chapter-").append(escape(coverage.chapter().stem())).append("\">\n");
            body.append("<p class=\"bc-chapter\">").append(escape(coverage.summaryLine())).append("</p>\n");
            body.append(chapterHtml(coverage, data, counts));
            body.append("</article>\n");
        }
        StringBuilder tracePanels = new StringBuilder();
        traces.forEach((id, text) -> tracePanels.append("<pre class=\"bc-trace\" id=\"trace-").append(escape(id)).append("\">")
                .append(escape(text)).append("</pre>\n"));
        StringBuilder legend = new StringBuilder();
        for (Mark m : Mark.values()) {
            legend.append("<span class=\"bc-num bc-").append(m.word()).append("\">").append(m.label()).append("</span> ")
                    .append(counts.getOrDefault(m, 0)).append(" &nbsp; ");
        }
        legend.append("<span class=\"bc-num bc-statement\">checked by a written-out statement</span> ");
        String json;
        try {
            json = mapper.writeValueAsString(data).replace("</", "<\\/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return PAGE.replace("@TITLE@", escape("bookcheck: " + String.join(", ", view.allChapters())))
                .replace("@SUMMARY@", escape(view.report().summaryLine()))
                .replace("@LEGEND@", legend.toString())
                .replace("@BODY@", body.toString())
                .replace("@TRACES@", tracePanels.toString())
                .replace("@DATA@", json)
                .replace("@MATHJAX@", mathJax());
    }

    /** The chapter's Markdown as HTML with every number wrapped in a mark and every formula kept for MathJax. */
    static String chapterHtml(ChapterCoverage coverage, ArrayNode data, Map<Mark, Integer> counts) {
        List<String> lines = new ArrayList<>(coverage.chapter().lines());
        ChapterNumbers.Scan scan = ChapterNumbers.scan(coverage.chapter());
        List<NumberCoverage> numbers = coverage.numbers();
        List<String> mathHtml = new ArrayList<>();
        List<String> numberHtml = new ArrayList<>();
        // Edits per line, applied right to left so earlier offsets stay valid.
        List<List<int[]>> edits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            edits.add(new ArrayList<>());
        }
        for (NumberCoverage n : numbers) {
            int id = data.size();
            data.add(entry(n, data));
            counts.merge(n.mark(), 1, Integer::sum);
            if (n.number().context() != ChapterNumber.Context.MATH) {
                numberHtml.add("<span class=\"bc-num bc-" + n.mark().word() + (byStatement(n) ? " bc-statement" : "") + "\" data-n=\"" + id + "\" title=\""
                        + escape(title(n)) + "\">" + escape(n.number().text()) + "</span>");
                edits.get(n.number().line() - 1).add(new int[] {n.number().start(), n.number().end(), 1, numberHtml.size() - 1});
            }
        }
        for (ChapterNumbers.MathSpan span : scan.math()) {
            StringBuilder source = new StringBuilder();
            for (int line = span.startLine(); line <= span.endLine(); line++) {
                String text = lines.get(line - 1);
                int from = line == span.startLine() ? span.startColumn() : 0;
                int to = line == span.endLine() ? span.endColumn() : text.length();
                source.append(line == span.startLine() ? "" : "\n").append(text, from, to);
            }
            ArrayNode marks = new ObjectMapper().createArrayNode();
            for (int k = 0; k < numbers.size(); k++) {
                ChapterNumber n = numbers.get(k).number();
                if (n.context() == ChapterNumber.Context.MATH && inside(span, n)) {
                    ObjectNode m = marks.addObject();
                    m.put("n", k + data.size() - numbers.size());
                    m.put("d", digits(n.text()));
                }
            }
            mathHtml.add("<span class=\"bc-math\" data-marks=\"" + escape(marks.toString()) + "\">" + escape(source.toString()) + "</span>");
            int placeholder = mathHtml.size() - 1;
            if (span.startLine() == span.endLine()) {
                edits.get(span.startLine() - 1).add(new int[] {span.startColumn(), span.endColumn(), 0, placeholder});
            } else {
                edits.get(span.startLine() - 1).add(new int[] {span.startColumn(), lines.get(span.startLine() - 1).length(), 0, placeholder});
                for (int line = span.startLine() + 1; line < span.endLine(); line++) {
                    edits.get(line - 1).add(new int[] {0, lines.get(line - 1).length(), 2, 0});
                }
                edits.get(span.endLine() - 1).add(new int[] {0, span.endColumn(), 2, 0});
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            List<int[]> e = edits.get(i);
            if (e.isEmpty()) {
                continue;
            }
            e.sort((a, b) -> Integer.compare(b[0], a[0]));
            StringBuilder line = new StringBuilder(lines.get(i));
            for (int[] edit : e) {
                String token = switch (edit[2]) {
                    case 0 -> "BCMATH" + edit[3] + "X";
                    case 1 -> "BCNUM" + edit[3] + "X";
                    default -> "";
                };
                line.replace(edit[0], edit[1], token);
            }
            lines.set(i, line.toString());
        }
        String html = HtmlRenderer.builder().escapeHtml(true).build().render(Parser.builder().build().parse(String.join("\n", lines)));
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("BC(MATH|NUM)(\\d+)X").matcher(html);
        while (m.find()) {
            int k = Integer.parseInt(m.group(2));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1).equals("MATH") ? mathHtml.get(k) : numberHtml.get(k)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean inside(ChapterNumbers.MathSpan span, ChapterNumber n) {
        boolean afterStart = n.line() > span.startLine() || (n.line() == span.startLine() && n.start() >= span.startColumn());
        boolean beforeEnd = n.line() < span.endLine() || (n.line() == span.endLine() && n.end() <= span.endColumn());
        return afterStart && beforeEnd;
    }

    /** The digits MathJax puts in one number node: no sign, no percent sign, no separators. */
    static String digits(String text) {
        return text.replace("−", "").replace("-", "").replace("\\%", "").replace("%", "").replace(",", "");
    }

    private static ObjectNode entry(NumberCoverage n, ArrayNode data) {
        ObjectNode e = data.objectNode();
        e.put("text", n.number().text());
        e.put("line", n.number().line());
        e.put("mark", n.mark().word());
        e.put("title", title(n));
        n.best().ifPresent(a -> e.put("trace", "trace-" + a.fixture().id()));
        e.put("statement", byStatement(n));
        return e;
    }

    /** Whether the number is checked by a statement the chapter writes out (no fixture): marked {@code bc-statement}. */
    static boolean byStatement(NumberCoverage n) {
        return n.best().map(a -> a.fixture().id().equals(org.bookcheck.statement.StatementCheck.FIXTURE_ID)).orElse(false);
    }

    /** The hover text of a number: its mark, what checks it and, for a printed value, the exact value. */
    static String title(NumberCoverage n) {
        String head = n.mark().label() + " · line " + n.number().line() + " · " + n.number().text();
        if (n.best().isPresent()) {
            Anchored a = n.best().get();
            String what = a.fixture().id() + " › " + (a.isGiven() ? "given input " : "") + a.name();
            if (a.finding().isPresent()) {
                Finding f = a.finding().get();
                String exact = n.element() >= 0 && f.exact() instanceof org.bookcheck.reference.Numeric x && n.element() < x.size()
                        ? ValueText.exact(x.at(n.element())) : ValueText.exact(f.exact());
                String verdict = f.elements().stream().filter(e -> f.elements().size() > 1 && e.index() == n.element()).findFirst()
                        .map(e -> e.verdict().label() + " (element " + e.position() + " of a value that is " + FindingText.label(f) + ")")
                        .orElse(FindingText.label(f));
                return head + " — " + what + ": " + verdict + "; exact " + exact + " (click for the worked trace)";
            }
            return head + " — " + what + " (click for the worked trace)";
        }
        return head + n.waiver().map(w -> " — waived: " + w.reason()).orElse(" — no fixture checks this number");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** MathJax's tex-svg.js from the webjar on the class path, for inlining. */
    static String mathJax() {
        ClassLoader loader = HtmlReport.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/mathjax/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the MathJax webjar (org.webjars.npm:mathjax) is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the MathJax webjar", e);
        }
        String path = "META-INF/resources/webjars/mathjax/" + pom.getProperty("version") + "/es5/tex-svg.js";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the MathJax webjar has no " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>@TITLE@</title>
            <style>
            body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
            header { border-bottom: 1px solid #ccc; margin-bottom: 1em; font-family: sans-serif; font-size: 0.9em; }
            .bc-chapter { font-family: sans-serif; font-size: 0.85em; color: #555; }
            .bc-num { border-radius: 3px; padding: 0 2px; cursor: pointer; }
            span.bc-holds { background: #d6f5dd; } span.bc-wrong { background: #ffd6d6; outline: 2px solid #c00; }
            span.bc-erratum { background: #ffe3c7; outline: 1px dotted #b34700; }
            span.bc-illustrative { background: #dbe8ff; } span.bc-given { background: #eee6ff; }
            span.bc-statement { border-bottom: 2px dotted #555; } g.bc-statement { stroke: #555; stroke-width: 8; }
            span.bc-waived { background: #f0f0f0; color: #666; } span.bc-not-covered { background: #fff1c2; outline: 1px dashed #b80; }
            g.bc-holds { fill: #137a2c; } g.bc-wrong { fill: #c40000; } g.bc-erratum { fill: #b34700; } g.bc-illustrative { fill: #1d4fd8; }
            g.bc-given { fill: #6b3fb5; } g.bc-waived { fill: #777; } g.bc-not-covered { fill: #b86e00; }
            g.bc-num { cursor: pointer; }
            #bc-panel { position: fixed; right: 1em; bottom: 1em; width: 44em; max-height: 60vh; overflow: auto; background: #fff;
                        border: 1px solid #888; box-shadow: 0 2px 8px #0004; padding: 0.5em 1em; display: none; font-size: 0.8em; }
            #bc-panel pre { white-space: pre-wrap; }
            .bc-trace { display: none; }
            </style>
            <script>
            window.MathJax = {
              tex: { inlineMath: [['$', '$']], displayMath: [['$$', '$$']] },
              svg: { fontCache: 'local' },
              startup: { ready: function () { MathJax.startup.defaultReady(); MathJax.startup.promise.then(function () { bcMarkMath(); }); } }
            };
            </script>
            <script>@MATHJAX@</script>
            </head>
            <body>
            <header>
            <p><strong>bookcheck verify</strong> — @SUMMARY@</p>
            <p>@LEGEND@</p>
            <p>Hover over a number for its verdict and exact value; click it for the worked trace of the fixture that checks it.</p>
            </header>
            @BODY@
            <section id="bc-traces">
            @TRACES@
            </section>
            <div id="bc-panel"><p><a href="#" onclick="document.getElementById('bc-panel').style.display='none';return false">close</a></p><div id="bc-panel-body"></div></div>
            <script type="application/json" id="bc-data">@DATA@</script>
            <script>
            var BC = JSON.parse(document.getElementById('bc-data').textContent);
            function bcShow(n) {
              var d = BC[n], body = document.getElementById('bc-panel-body');
              body.innerHTML = '';
              var p = document.createElement('p'); p.textContent = d.title; body.appendChild(p);
              var trace = d.trace && document.getElementById(d.trace);
              if (trace) { var pre = document.createElement('pre'); pre.textContent = trace.textContent; body.appendChild(pre); }
              document.getElementById('bc-panel').style.display = 'block';
            }
            document.querySelectorAll('span.bc-num[data-n]').forEach(function (s) {
              s.addEventListener('click', function () { bcShow(+s.dataset.n); });
            });
            function bcText(g) {
              return Array.prototype.map.call(g.querySelectorAll('[data-c]'), function (u) {
                return String.fromCodePoint(parseInt(u.getAttribute('data-c'), 16));
              }).join('');
            }
            function bcMarkMath() {
              var marked = 0;
              document.querySelectorAll('.bc-math').forEach(function (span) {
                var want = JSON.parse(span.getAttribute('data-marks') || '[]'), k = 0;
                span.querySelectorAll('g[data-mml-node="mn"]').forEach(function (g) {
                  var text = bcText(g);
                  for (var j = k; j < Math.min(want.length, k + 3); j++) {
                    if (want[j].d === text) {
                      var d = BC[want[j].n];
                      g.classList.add('bc-num', 'bc-' + d.mark);
                      if (d.statement) { g.classList.add('bc-statement'); }
                      g.setAttribute('data-n', want[j].n);
                      var title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
                      title.textContent = d.title; g.insertBefore(title, g.firstChild);
                      g.addEventListener('click', (function (n) { return function () { bcShow(n); }; })(want[j].n));
                      marked++; k = j + 1; break;
                    }
                  }
                });
              });
              document.body.setAttribute('data-bc-math-marked', String(marked));
            }
            </script>
            </body>
            </html>
            """;
}
