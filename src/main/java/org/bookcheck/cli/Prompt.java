package org.bookcheck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/** One question on standard output and its answer from standard input, for the commands that ask. */
final class Prompt {

    private Prompt() {
    }

    /**
     * Prints the question and reads one line, stripped; when standard input has ended, a {@link UserError} saying
     * {@code whenEnded} (what to give instead of answers).
     */
    static String answer(PrintWriter out, BufferedReader input, String question, String whenEnded) {
        out.print(question);
        out.flush();
        String answer;
        try {
            answer = input.readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            out.println();
            throw new UserError(whenEnded);
        }
        return answer.strip();
    }
}
