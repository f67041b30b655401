package org.bookcheck.cli;

/**
 * A mistake in what the user asked for or gave (a path that does not exist, an unknown fixture id).
 * Commands throw it with one clear message; the base command prints the message, never a stack
 * trace, and exits with {@link ExitCode#BAD_INPUT}.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message, null, false, false);
    }
}
