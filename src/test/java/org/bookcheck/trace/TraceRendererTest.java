package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The layout of a trace in the three formats, on a small trace built by hand: inputs with and without a
 * line, a note, a captioned block that leaves lines out, a wrong and a right printed value, checks per step
 * and for the whole trace, and a trace without inputs. The expected texts are written out in full.
 */
class TraceRendererTest {

    private static Expr sym(String s) {
        return new Expr.Sym(s);
    }

    private static Expr num(String s) {
        return new Expr.Num(s);
    }

    private static final Trace TRACE = new Trace("toy", "a_b * c", "holds", "chapters/toy.md:3",
            List.of(new Trace.Given("a", num("2"), "line 1"), new Trace.Given("b", num("3"), "")),
            List.of(new Trace.StepTrace(1, "y", "y = add(a = a, b = b)", "a + b: sum", "first the sum",
                            Equation.of(sym("y"), new Expr.Bin("+", sym("a"), sym("b")), new Expr.Bin("+", num("2"), num("3"))),
                            List.of(new Trace.Block("", List.of(Equation.of(sym("y"), new Expr.Bin("+", num("2"), num("3")), num("5")),
                                            Equation.of(sym("t"), num("1")))),
                                    new Trace.Block("partial sums", List.of(Equation.of(sym("s"), num("5"))), 7)),
                            Equation.of(sym("y"), num("5")), Optional.of(new Trace.BookMark(false, "6", "5", "5", "wrong", 3)),
                            List.of(new Trace.Check(true, "checked against the reference add"))),
                    new Trace.StepTrace(2, "z", "z = y", "the value of y", "", Equation.of(sym("z"), sym("y")), List.of(),
                            Equation.of(sym("z"), num("5")), Optional.of(new Trace.BookMark(true, "5", "5", "5", "ok", 4)), List.of())),
            List.of(new Trace.Check(false, "the model disagrees")));

    private static final Trace EMPTY = new Trace("e", "nothing", "supplementary", "chapters/e.md", List.of(), List.of(), List.of());

    @Test
    void text() {
        String expected = """
                Trace of toy: a_b * c
                chapters/toy.md:3 · claim: holds

                Given:
                  a = 2   (line 1)
                  b = 3

                Step 1 of 2: y = add(a = a, b = b)
                  [a + b: sum]
                  first the sum
                Equation to solve:
                  y = a + b = 2 + 3
                Computation:
                  y = 2 + 3 = 5
                  t = 1
                  partial sums:
                    s = 5
                    … 7 more, all checked
                Result:
                  y = 5
                  ✗ the book prints 6 (line 3): wrong; exact 5, which at the printed precision is 5
                  ✓ checked against the reference add

                Step 2 of 2: z = y
                  [the value of y]
                Equation to solve:
                  z = y
                Computation:
                Result:
                  z = 5
                  ✓ the book prints 5 (line 4): ok; exact 5

                ✗ the model disagrees
                """;
        assertEquals(expected, TraceRenderer.text(TRACE));
        assertEquals(expected, TraceRenderer.render(TRACE, TraceFormat.TEXT));
        assertEquals("Trace of e: nothing\nchapters/e.md · claim: supplementary\n\nGiven:\n  (no inputs)\n", TraceRenderer.text(EMPTY));
    }

    @Test
    void markdown() {
        String expected = """
                ### Trace of `toy`: a\\_b \\* c

                chapters/toy.md:3 · claim: holds

                **Given:**

                - $a = 2$ (line 1)
                - $b = 3$

                #### Step 1 of 2: `y = add(a = a, b = b)`

                *a + b: sum*

                first the sum

                **Equation to solve:**
                $$y = a + b = 2 + 3$$

                **Computation:**

                $$\\begin{aligned}
                y &= 2 + 3 = 5 \\\\
                t &= 1
                \\end{aligned}$$

                *partial sums:*
                $$\\begin{aligned}
                s &= 5
                \\end{aligned}$$

                *… 7 more, all checked*

                **Result:** $y = 5$

                ✗ the book prints 6 (line 3): wrong; exact 5, which at the printed precision is 5

                ✓ checked against the reference add

                #### Step 2 of 2: `z = y`

                *the value of y*

                **Equation to solve:**
                $$z = y$$

                **Computation:**

                **Result:** $z = 5$

                ✓ the book prints 5 (line 4): ok; exact 5

                **✗ the model disagrees**
                """;
        assertEquals(expected, TraceRenderer.markdown(TRACE));
        assertEquals(expected, TraceRenderer.render(TRACE, TraceFormat.MARKDOWN));
        assertEquals("### Trace of `e`: nothing\n\nchapters/e.md · claim: supplementary\n\n**Given:**\n\n- (no inputs)\n",
                TraceRenderer.markdown(EMPTY));
    }

    @Test
    void latex() {
        String expected = """
                % Worked trace of toy generated by bookcheck (needs amsmath and amssymb)
                \\subsection*{Trace of toy: a\\_b * c}
                chapters/toy.md:3 --- claim: holds

                \\paragraph{Given}
                \\begin{itemize}
                  \\item $a = 2$ (line 1)
                  \\item $b = 3$
                \\end{itemize}

                \\paragraph{Step 1 of 2} \\texttt{y = add(a = a, b = b)}\\\\
                \\emph{a + b: sum}

                first the sum

                \\textbf{Equation to solve:}
                \\[ y = a + b = 2 + 3 \\]
                \\textbf{Computation:}
                \\begin{align*}
                y &= 2 + 3 = 5 \\\\
                t &= 1
                \\end{align*}
                \\emph{partial sums:}
                \\begin{align*}
                s &= 5
                \\end{align*}
                \\emph{\\ldots{} 7 more, all checked}
                \\textbf{Result:} $y = 5$

                $\\times$ the book prints 6 (line 3): wrong; exact 5, which at the printed precision is 5

                $\\checkmark$ checked against the reference add

                \\paragraph{Step 2 of 2} \\texttt{z = y}\\\\
                \\emph{the value of y}

                \\textbf{Equation to solve:}
                \\[ z = y \\]
                \\textbf{Computation:}
                \\textbf{Result:} $z = 5$

                $\\checkmark$ the book prints 5 (line 4): ok; exact 5

                \\textbf{$\\times$ the model disagrees}
                """;
        assertEquals(expected, TraceRenderer.latex(TRACE));
        assertEquals(expected, TraceRenderer.render(TRACE, TraceFormat.LATEX));
        assertEquals("% Worked trace of e generated by bookcheck (needs amsmath and amssymb)\n\\subsection*{Trace of e: nothing}\n"
                + "chapters/e.md --- claim: supplementary\n\n\\paragraph{Given}\n\\begin{itemize}\n  \\item (no inputs)\n\\end{itemize}\n",
                TraceRenderer.latex(EMPTY));
    }
}
