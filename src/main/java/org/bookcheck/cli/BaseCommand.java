package org.bookcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: runs {@link #execute()}, turns a {@link UserError} into its message and
 * exit code 2, and gives all output through the command line's own writers so tests can capture it.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** Does the command's work and says how it ended. */
    protected abstract ExitCode execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return execute().code();
        } catch (UserError e) {
            err().println("bookcheck " + spec.name() + ": " + e.getMessage());
            err().flush();
            return ExitCode.BAD_INPUT.code();
        } finally {
            out().flush();
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
