package org.bookcheck.cli;

import java.nio.file.Path;

/** Where the book lives when no path is given: the launcher's repository (bookcheck.root), else the working directory. */
final class BookRoot {

    private BookRoot() {
    }

    static Path fromEnvironment() {
        String root = System.getProperty("bookcheck.root");
        return Path.of(root != null ? root : "").toAbsolutePath().normalize();
    }
}
