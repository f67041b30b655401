package org.bookcheck.cli;

import java.util.OptionalInt;
import org.bookcheck.trace.Trace;
import org.bookcheck.trace.TraceFormat;
import org.bookcheck.trace.TraceNumbers;
import org.bookcheck.trace.TraceRenderer;
import picocli.CommandLine.Option;

/** The {@code --format} and {@code --digits} options of the commands that print a worked trace (a picocli mixin). */
public final class TraceOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown or latex (default: ${DEFAULT-VALUE}).")
    TraceFormat format;

    @Option(names = "--digits", paramLabel = "N",
            description = "Show every number with N decimals, instead of a value's printed decimals where the book prints it"
                    + " and 4 decimals elsewhere.")
    Integer digits;

    /** How the trace writes numbers; a --digits outside 0..15 is a user error. */
    TraceNumbers numbers() {
        if (digits != null && (digits < 0 || digits > 15)) {
            throw new UserError("--digits must be between 0 and 15, got " + digits);
        }
        return new TraceNumbers(digits == null ? OptionalInt.empty() : OptionalInt.of(digits));
    }

    String render(Trace trace) {
        return TraceRenderer.render(trace, format);
    }
}
