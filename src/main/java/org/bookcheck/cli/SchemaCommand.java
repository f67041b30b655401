package org.bookcheck.cli;

import java.io.IOException;
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
        Book book = new Book(root != null ? root : BookRoot.fromEnvironment());
        Path target = book.fixturesDir().resolve(Book.SCHEMA_FILE);
        AtomicFiles.writeString(target, schema, true);
        out().println("wrote " + target);
        return ExitCode.OK;
    }
}
