package org.bookcheck.draft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValueParser;

/**
 * Gathers the steps of a list or matrix the chapter works out one element per calculation, on consecutive lines
 * ({@code s[0] = … = 0.4}, {@code s[1] = … = 0.85}; {@code Q[0][0]} to {@code Q[1][1]}; {@code P(A)} to {@code P(D)}), into
 * one step whose expression lists the elements' expressions and whose printed value lists theirs, quoting all the lines;
 * each element is then checked at its own line's result. Later steps that used an element's step use the element
 * ({@code s_0} becomes {@code s[0]}), and a later step built from exactly those elements restates the gathered one.
 */
public final class ElementRuns {

    /** One gathering: the step that replaced the element steps, the names they had, and the later steps that now restate it. */
    public record Gathered(Proposal.Step step, List<String> elements, List<Proposal.Step> restating) {

        public Gathered {
            elements = List.copyOf(elements);
            restating = List.copyOf(restating);
        }
    }

    /** The proposals after gathering, and what was gathered. */
    public record Result(List<Proposal> proposals, List<Gathered> gathered) {
    }

    private static final Pattern INDEXED = Pattern.compile("([\\p{L}_][\\p{L}\\p{N}_]*)((?:\\[\\d+])+)");
    private static final Pattern CALL = Pattern.compile("([^()\\s][^()]*?)\\(\\s*([\\p{L}\\p{N}_]+)\\s*\\)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** An element step: the list it belongs to (base and leading indices, or the function called) and its place in it. */
    private record Element(int at, Proposal.Step step, String list, List<Integer> prefix, int index, boolean call) {
    }

    private ElementRuns() {
    }

    /**
     * Gathers the runs among accepted proposals, in order.
     *
     * @param outside names already taken that are not among the proposals (those of a fixture appended to)
     */
    public static Result gather(List<Proposal> proposals, Chapter chapter, Set<String> outside) {
        List<Proposal> out = new ArrayList<>(proposals);
        List<Gathered> gathered = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        int k = 0;
        while (k < out.size()) {
            List<List<Element>> rows = rowsFrom(out, k, chapter);
            if (rows.isEmpty()) {
                k++;
                continue;
            }
            List<Element> all = rows.stream().flatMap(List::stream).toList();
            boolean matrix = rows.size() > 1;
            Element head = all.getFirst();
            String base = matrix || head.prefix().isEmpty() ? Names.of(head.list())
                    : Names.of(head.list() + "[" + String.join("][", head.prefix().stream().map(String::valueOf).toList()) + "]");
            Set<String> taken = new HashSet<>(outside);
            for (int j = 0; j < out.size(); j++) {
                if (j < k || j > all.getLast().at()) {
                    taken.add(out.get(j).name());
                }
            }
            Map<String, String> refs = new LinkedHashMap<>();
            List<String> exprs = new ArrayList<>();
            List<String> printed = new ArrayList<>();
            List<Integer> restating = restatements(out, all.getLast().at() + 1, rows);
            boolean renameRestatement = taken.contains(base) && restating.stream().anyMatch(j -> out.get(j).name().equals(base));
            String name = taken.contains(base) && !renameRestatement ? fresh(base, taken) : base;
            for (List<Element> row : rows) {
                List<String> rowExprs = new ArrayList<>();
                List<String> rowPrinted = new ArrayList<>();
                Map<String, String> inRow = new LinkedHashMap<>(renamed);
                for (Element e : row) {
                    String ref = matrix ? name + "[" + rows.indexOf(row) + "][" + e.index() + "]" : name + "[" + e.index() + "]";
                    refs.put(e.step().name(), ref);
                    // An element may restate an earlier one of its row (P(D) printed as P(B)): it takes that element's expression.
                    String expr = rewrite(e.step().expr(), inRow);
                    rowExprs.add(expr);
                    inRow.put(e.step().name(), expr.matches("[\\p{L}\\p{N}_\\[\\]]+") ? expr : "(" + expr + ")");
                    rowPrinted.add(e.step().printed());
                }
                exprs.add("[" + String.join(", ", rowExprs) + "]");
                printed.add("[" + String.join(", ", rowPrinted) + "]");
            }
            Written first = head.step().written();
            Written last = all.getLast().step().written();
            String printedText = matrix ? "[" + String.join(", ", printed) + "]" : printed.getFirst();
            Written joined = new Written(first.firstLine(), last.lastLine(), first.label(), Optional.of(base), List.of(), Optional.of(printedText),
                    WrittenReader.quoteFrom(chapter, first, last), first.column());
            Proposal.Step step = new Proposal.Step(name, matrix ? "[" + String.join(", ", exprs) + "]" : exprs.getFirst(), printedText, joined,
                    "gathered from the steps of its elements, " + first.lines() + " to " + last.lines());
            for (int j = all.getLast().at(); j >= k; j--) {
                out.remove(j);
            }
            out.add(k, step);
            renamed.putAll(refs);
            Set<String> names = new HashSet<>(taken);
            names.add(name);
            List<Proposal.Step> restated = new ArrayList<>();
            for (int j : restating) {
                int at = j - all.size() + 1;
                Proposal.Step again = (Proposal.Step) out.get(at);
                String againName = again.name().equals(name) ? fresh(name, names) : again.name();
                Proposal.Step restatement = new Proposal.Step(againName, name, again.printed(), again.written(), "restates " + name);
                out.set(at, restatement);
                restated.add(restatement);
            }
            gathered.add(new Gathered(step, all.stream().map(e -> e.step().name()).toList(), restated));
            k++;
        }
        for (int j = 0; j < out.size(); j++) {
            if (out.get(j) instanceof Proposal.Step s && !renamed.isEmpty() && gathered.stream().noneMatch(g -> g.step() == s)) {
                out.set(j, new Proposal.Step(s.name(), rewrite(s.expr(), renamed), s.printed(), s.written(), s.reading()));
            }
        }
        return new Result(out, gathered);
    }

    /** The rows of a run starting at {@code k}: one row for a list, several of equal length for a matrix; empty if none starts there. */
    private static List<List<Element>> rowsFrom(List<Proposal> proposals, int k, Chapter chapter) {
        List<Element> first = rowFrom(proposals, k, chapter, Optional.empty(), List.of());
        if (first.size() < 2) {
            return List.of();
        }
        List<List<Element>> rows = new ArrayList<>(List.of(first));
        Element head = first.getFirst();
        if (head.call() || head.prefix().size() != 1 || head.prefix().getFirst() != 0) {
            return rows;
        }
        while (true) {
            List<Element> earlier = rows.stream().flatMap(List::stream).toList();
            List<Element> next = rowFrom(proposals, earlier.getLast().at() + 1, chapter, Optional.of(earlier.getLast()), earlier);
            if (next.size() != first.size() || !next.getFirst().list().equals(head.list()) || next.getFirst().prefix().size() != 1
                    || next.getFirst().prefix().getFirst() != rows.size()) {
                return rows;
            }
            rows.add(next);
        }
    }

    /** The longest run of element steps of one list from {@code k}, indices 0, 1, 2, … (or distinct call arguments). */
    private static List<Element> rowFrom(List<Proposal> proposals, int k, Chapter chapter, Optional<Element> previousRowEnd, List<Element> earlier) {
        List<Element> row = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int j = k; j < proposals.size(); j++) {
            Optional<Element> e = element(j, proposals.get(j));
            if (e.isEmpty()) {
                break;
            }
            Element el = e.get();
            Optional<Element> before = row.isEmpty() ? previousRowEnd : Optional.of(row.getLast());
            if (before.isPresent() && !adjacent(chapter, before.get().step().written(), el.step().written())) {
                break;
            }
            if (!row.isEmpty()) {
                Element head = row.getFirst();
                boolean same = el.call() == head.call() && el.list().equals(head.list()) && el.prefix().equals(head.prefix());
                boolean next = el.call() ? keys.add(el.step().written().lhs().orElse("")) : el.index() == row.size();
                if (!same || !next) {
                    break;
                }
            } else if (!el.call() && el.index() != 0) {
                break;
            } else {
                keys.add(el.step().written().lhs().orElse(""));
            }
            if (usesAny(el.step().expr(), earlier)) {
                break;
            }
            row.add(el.call() ? new Element(el.at(), el.step(), el.list(), el.prefix(), row.size(), true) : el);
        }
        return row;
    }

    private static Optional<Element> element(int at, Proposal p) {
        if (!(p instanceof Proposal.Step s) || s.expr().isBlank() || s.written().lhs().isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!(PrintedValueParser.parse(s.printed()) instanceof PrintedNumber)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String lhs = s.written().lhs().get().strip();
        String named = Names.of(lhs);
        if (!s.name().equals(named) && !s.name().startsWith(named + "_")) {
            return Optional.empty(); // renamed by the author: a step of its own
        }
        Matcher m = INDEXED.matcher(lhs);
        if (m.matches()) {
            List<Integer> indices = new ArrayList<>();
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) {
                indices.add(Integer.parseInt(i.group(1)));
            }
            return Optional.of(new Element(at, s, m.group(1), List.copyOf(indices.subList(0, indices.size() - 1)), indices.getLast(), false));
        }
        Matcher c = CALL.matcher(lhs);
        if (c.matches() && !Names.of(c.group(1)).isEmpty()) {
            return Optional.of(new Element(at, s, c.group(1).strip(), List.of(), 0, true));
        }
        return Optional.empty();
    }

    /** Whether only blank lines stand between two calculations. */
    private static boolean adjacent(Chapter chapter, Written before, Written after) {
        if (after.firstLine() <= before.lastLine()) {
            return false;
        }
        for (int line = before.lastLine() + 1; line < after.firstLine(); line++) {
            if (!chapter.line(line).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean usesAny(String expr, List<Element> row) {
        return row.stream().anyMatch(e -> word(e.step().name()).matcher(expr).find());
    }

    /** The later steps (from {@code from}) built from exactly these elements, in order: {@code [s_0, s_1]}, {@code [[Q_0_0, Q_0_1], [Q_1_0, Q_1_1]]}. */
    private static List<Integer> restatements(List<Proposal> proposals, int from, List<List<Element>> rows) {
        List<String> listed = rows.stream().map(r -> "[" + String.join(",", r.stream().map(e -> e.step().name()).toList()) + "]").toList();
        String written = rows.size() > 1 ? "[" + String.join(",", listed) + "]" : listed.getFirst();
        List<Integer> found = new ArrayList<>();
        for (int j = from; j < proposals.size(); j++) {
            if (proposals.get(j) instanceof Proposal.Step s && s.expr().replaceAll("\\s+", "").equals(written)) {
                found.add(j);
            }
        }
        return found;
    }

    /** {@code base_2}, {@code base_3}, ...: the first not taken (called only when {@code base} itself is). */
    private static String fresh(String base, Set<String> taken) {
        return Names.free(base, taken::contains);
    }

    /** The expression with every whole name that was an element step replaced by the element it became. */
    static String rewrite(String expr, Map<String, String> renamed) {
        String out = expr;
        for (Map.Entry<String, String> r : renamed.entrySet()) {
            out = word(r.getKey()).matcher(out).replaceAll(Matcher.quoteReplacement(r.getValue()));
        }
        return out;
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_])");
    }
}
