package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's worked example of {@code new} over a code block is what {@code new} does: its command runs, and prints every line shown. */
class ReadmeNewExampleTest {

    private static final String MARKER = "<!-- new-example:";

    @Test
    void theReadmesExampleOfNewIsTrue(@TempDir Path dir) throws Exception {
        List<String> readme = Files.readAllLines(Cli.BOOK.resolve("README.md"));
        int at = 0;
        while (at < readme.size() && !readme.get(at).startsWith(MARKER)) {
            at++;
        }
        assertTrue(at < readme.size(), "README § Adding a fixture marks its example of new with " + MARKER);
        assertEquals("```sh", readme.get(at + 1));
        String command = readme.get(at + 2);
        assertTrue(command.startsWith("./bookcheck new chapters/chains.md:"), command);
        assertEquals("```", readme.get(at + 3));
        assertEquals("", readme.get(at + 4));
        assertEquals("```", readme.get(at + 5));
        List<String> shown = new ArrayList<>();
        for (int k = at + 6; !readme.get(k).equals("```"); k++) {
            shown.add(readme.get(k));
        }

        Path root = Cli.copyOfTestBook(dir, "chains");
        List<String> args = new ArrayList<>(Arrays.asList(command.substring("./bookcheck ".length()).split(" +")));
        args.set(1, root.resolve(args.get(1)).toString());
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run::toString);
        // Every line the README shows stands in the output, in the same order (the README leaves some out).
        List<String> out = run.out().lines().toList();
        int next = 0;
        for (String line : shown) {
            int found = out.subList(next, out.size()).indexOf(line);
            assertTrue(found >= 0, "README shows a line new does not print (after line " + next + " of its output): \"" + line + "\"\n" + run.out());
            next += found + 1;
        }
        assertTrue(shown.size() >= 10, "the example shows the proposals and the verdicts");
    }
}
