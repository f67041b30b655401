package org.bookcheck.model;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training text: the book's own chapters, packed into the jar at build time, or text files the user
 * names. Documents are joined with a blank line between them.
 */
public final class Corpus {

    /** Where the build puts the chapters' Markdown inside the jar (see the pom's resources). */
    static final String EMBEDDED = "org/bookcheck/model/corpus";

    private Corpus() {
    }

    /** The chapters of the book embedded in bookcheck, in file-name order. */
    public static String embedded() {
        URL url = Corpus.class.getClassLoader().getResource(EMBEDDED);
        if (url == null) {
            throw new IllegalStateException("the embedded corpus " + EMBEDDED + " is missing from the build");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return join(markdownIn(fs.getPath(EMBEDDED)));
                }
            }
            return join(markdownIn(Path.of(uri)));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the embedded corpus: " + e.getMessage(), e);
        }
    }

    /** The given files' text; throws IllegalArgumentException naming a file that cannot be read. */
    public static String read(List<Path> files) {
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("the corpus file " + f + " does not exist or is not a file");
            }
            try {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the corpus file " + f + " as UTF-8 text: " + e.getMessage());
            }
        }
        return String.join("\n\n", texts);
    }

    private static List<String> markdownIn(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted(
                    (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static String join(List<String> texts) {
        return String.join("\n\n", texts);
    }
}
