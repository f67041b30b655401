package org.bookcheck.reference;

/**
 * An operation was applied to arguments it cannot take: wrong kind, mismatched shapes, values outside
 * its domain. The message names the operation and states what was expected and what was given.
 */
public final class OpException extends RuntimeException {

    public OpException(String message) {
        super(message, null, false, false);
    }
}
