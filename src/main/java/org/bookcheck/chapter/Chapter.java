package org.bookcheck.chapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A chapter of the book: its Markdown text and lines, named by its path relative to the book's
 * chapters folder.
 */
public record Chapter(String name, Path path, String text, List<String> lines) {

    public Chapter {
        lines = List.copyOf(lines);
    }

    /** Reads a chapter file; {@code name} is its path relative to the chapters folder. */
    public static Chapter read(String name, Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        return new Chapter(name, path, text, text.lines().toList());
    }

    /** The file name without {@code .md}, e.g. {@code 04-training-neural-networks}. */
    public String stem() {
        String file = path.getFileName().toString();
        return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
    }

    /** A line by its 1-based number. */
    public String line(int number) {
        return lines.get(number - 1);
    }
}
