package org.bookcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bookcheck} command line: the root command and the entry point of the launcher script. */
@Command(name = "bookcheck",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Keeps the worked numbers of a hand-calculable textbook right.",
        subcommands = {VerifyCommand.class, TraceCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class})
public final class Bookcheck implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with bookcheck's error handling, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Bookcheck());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new InternalErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(commandLine(out, err).execute(args));
    }
}
