package org.bookcheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One execution of the bookcheck command line with its output captured, as picocli's testing guide does it. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Bookcheck.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
