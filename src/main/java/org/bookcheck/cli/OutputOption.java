package org.bookcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bookcheck.io.AtomicFiles;
import picocli.CommandLine.Option;

/** The {@code --output FILE} option shared by the commands that write a report (a picocli mixin). */
public final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically, replacing it) instead of standard output.")
    Path output;

    /** Writes the content to --output, or to {@code out} when none was given; says where it went on {@code err}. */
    void write(String content, PrintWriter out, PrintWriter err) {
        if (output == null) {
            out.print(content);
            out.flush();
            return;
        }
        if (Files.isDirectory(output)) {
            throw new UserError("cannot write " + output + ": it is a folder; give a file name");
        }
        try {
            AtomicFiles.writeString(output, content, true);
        } catch (IOException | SecurityException e) {
            throw new UserError("cannot write " + output + " (" + reason(e) + "); choose a path in a folder you can write to");
        }
        err.println("wrote " + output);
    }

    boolean toFile() {
        return output != null;
    }

    static String reason(Exception e) {
        return switch (e) {
            case java.nio.file.FileAlreadyExistsException f -> "a file stands where a folder is needed: " + f.getFile();
            case java.nio.file.AccessDeniedException a -> "permission denied: " + a.getFile();
            case java.nio.file.NoSuchFileException n -> "no such folder: " + n.getFile();
            case java.nio.file.FileSystemException f -> f.getReason() != null ? f.getReason() + ": " + f.getFile() : String.valueOf(f.getFile());
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }
}
