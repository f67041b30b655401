package org.bookcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bookcheck} command line: the root command and the entry point of the launcher script. */
@Command(name = "bookcheck",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Keeps the worked numbers of a hand-calculable textbook right.",
        subcommands = {VerifyCommand.class, TraceCommand.class, NewCommand.class, CoverageCommand.class, FixCommand.class,
                SchemaCommand.class, TrainCommand.class, GenerateCommand.class, TraceModelCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Bookcheck implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Where interactive commands ({@code new}) read their answers; standard input unless a test gives another. */
    private java.io.BufferedReader input;

    java.io.BufferedReader input() {
        if (input == null) {
            input = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return input;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with bookcheck's error handling, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /** A command line that also reads interactive answers from {@code in} (standard input when null). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, java.io.Reader in) {
        Bookcheck root = new Bookcheck();
        if (in != null) {
            root.input = new java.io.BufferedReader(in);
        }
        CommandLine cl = new CommandLine(root);
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
