package org.bookcheck.gpu;

/** The GPU backend cannot start here: a library, a driver or a device is missing; the message says what was looked for where. */
public final class GpuUnavailableException extends RuntimeException {

    public GpuUnavailableException(String message) {
        super(message);
    }

    public GpuUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
