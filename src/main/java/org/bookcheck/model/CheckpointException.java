package org.bookcheck.model;

/** A checkpoint that cannot be used: unreadable, corrupt, or from another configuration; the message says which. */
public final class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message, null, false, false);
    }
}
