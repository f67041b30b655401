package org.bookcheck.io;

import java.nio.file.FileSystemException;

/** bookcheck will not write at a path (a link, a special file, or a file the run reads); the reason says why. */
public final class WriteRefusedException extends FileSystemException {

    public WriteRefusedException(String file, String reason) {
        super(file, null, reason);
    }
}
