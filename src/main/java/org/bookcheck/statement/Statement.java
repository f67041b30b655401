package org.bookcheck.statement;

import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.ChapterNumber;
import org.bookcheck.chapter.Span;

/**
 * A calculation a chapter writes out in full, {@code lhs = e₁ = e₂ ≈ v}: its sides in order with the relation
 * between each side and the next, the name its left-hand side defines (when it is one the chapter can reuse),
 * where it stands ({@code context}: code, math or prose) and the number tokens printed inside it. The last
 * side is always a printed value (the result) and at least one side is arithmetic.
 */
public record Statement(String chapter, String text, List<Side> sides, List<Relation> relations, Optional<String> name,
        Context context, List<ChapterNumber> numbers) {

    /** Where a statement is written. */
    public enum Context {
        /** In a fenced or indented code block (a mermaid diagram too). */
        CODE,
        /** In inline or display math. */
        MATH,
        /** In the prose of a paragraph, list item, block quote or table. */
        PROSE;

        /** The context in lower case, as reports write it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Statement {
        sides = List.copyOf(sides);
        relations = List.copyOf(relations);
        numbers = List.copyOf(numbers);
        if (sides.size() < 2 || relations.size() != sides.size() - 1) {
            throw new IllegalArgumentException("a statement has n ≥ 2 sides and n − 1 relations, got " + sides.size() + " and "
                    + relations.size() + ": " + text);
        }
    }

    /** The line the statement starts on (1-based). */
    public int line() {
        return sides.get(0).line();
    }

    /** The last line the statement covers (a chain may continue over following lines that start with = or ≈). */
    public int endLine() {
        List<Span> last = sides.get(sides.size() - 1).spans();
        return last.get(last.size() - 1).line();
    }

    /** Where the statement starts: {@code line:column}. */
    public String location() {
        Span first = sides.get(0).spans().get(0);
        return first.line() + ":" + first.column();
    }

    /** The printed result: the last side. */
    public Side result() {
        return sides.get(sides.size() - 1);
    }

    /** The arithmetic sides, in order. */
    public List<Side> expressions() {
        return sides.stream().filter(s -> s.kind() == Side.Kind.EXPRESSION).toList();
    }

    /** The number tokens of the printed result, in reading order. */
    public List<ChapterNumber> resultNumbers() {
        return numbers.stream().filter(n -> result().spans().stream().anyMatch(s -> s.contains(n.span()))).toList();
    }
}
