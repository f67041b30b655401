package org.bookcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bookcheck.check.Book;
import org.bookcheck.fixture.FixtureSchema;
import org.bookcheck.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bookcheck schema}: prints the fixture JSON Schema, or regenerates fixtures/fixture.schema.json. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of fixtures (generated from the operation catalogue), or write it to fixtures/"
                + Book.SCHEMA_FILE + " with --write.")
public final class SchemaCommand extends BaseCommand {

    @Option(names = "--write", description = "Write fixtures/" + Book.SCHEMA_FILE + " of the book (replacing the generated file).")
    private boolean write;

    @Option(names = "--root", description = "The book's root folder (default: the repository this bookcheck runs from).")
    private Path root;

    @Override
    protected ExitCode execute() throws IOException {
        String schema = FixtureSchema.render();
        if (!write) {
            out().print(schema);
            return ExitCode.OK;
        }
        Path dir = root != null ? root : BookRoot.fromEnvironment();
        if (!Files.isDirectory(dir.resolve("chapters"))) {
            throw new UserError("will not write the schema: " + dir + (Files.isDirectory(dir) ? " is not a book (it has no chapters/ folder)"
                    : " does not exist") + "; give --root the folder that holds chapters/ and fixtures/");
        }
        Book book = new Book(dir);
        Path target = book.fixturesDir().resolve(Book.SCHEMA_FILE);
        try {
            book.createFolder(book.fixturesDir());
            AtomicFiles.writeString(target, schema, true);
        } catch (IOException e) {
            throw new UserError("cannot write " + target + " (" + OutputOption.reason(e) + ")");
        }
        out().println("wrote " + target);
        return ExitCode.OK;
    }
}
