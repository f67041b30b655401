package org.bookcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Last line of defence: an exception no command turned into a message is a bug in bookcheck. Say so in
 * one paragraph; the stack trace is shown only when BOOKCHECK_DEBUG is set.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        cl.getErr().println("bookcheck: internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                + "). This is a bug in bookcheck, not in your book; please report it with the command you ran."
                + " Set BOOKCHECK_DEBUG=1 to see the stack trace.");
        if (System.getenv("BOOKCHECK_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return ExitCode.INTERNAL_ERROR.code();
    }
}
