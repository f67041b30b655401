package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.bookcheck.kernel.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bookcheck train} as a user runs it: a short run, resuming, divergence, and every kind of bad input. */
class TrainCommandTest {

    /** Enough text for the tiny model's sequences of 8 words. */
    private static final String TEXT = "The cat sat on the mat. The dog ran in the park. A bird flew over the tree. "
            + "A fish swam in the pond. ";

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private Path corpus(String text) throws IOException {
        Path f = dir.resolve("corpus.txt");
        Files.writeString(f, text);
        return f;
    }

    private Cli.Run train(String... extra) throws IOException {
        Path text = Files.exists(dir.resolve("corpus.txt")) ? dir.resolve("corpus.txt") : corpus(TEXT.repeat(8));
        String[] args = new String[extra.length + 6];
        args[0] = "train";
        args[1] = "--config";
        args[2] = "tiny";
        args[3] = "--no-progress";
        args[4] = "--out=" + dir.resolve("run");
        args[5] = text.toString();
        System.arraycopy(extra, 0, args, 6, extra.length);
        return Cli.run(args);
    }

    private void assertBadInput(Cli.Run r, String messagePart) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(messagePart), "message should say \"" + messagePart + "\": " + r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one clear message: " + r.err());
    }

    @Test
    void trainsAndWritesCheckpointCsvAndPlot() throws IOException {
        Cli.Run r = train("--epochs", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("epoch 3/3  train loss"), r.out());
        Path run = dir.resolve("run");

        // losses.csv: a header and one row per epoch, the training loss falling epoch after epoch.
        List<String> csv = Files.readAllLines(run.resolve("losses.csv"));
        assertEquals("epoch,train_loss,held_out_loss", csv.get(0));
        assertEquals(4, csv.size(), csv::toString);
        double[] train = new double[3];
        for (int e = 1; e <= 3; e++) {
            String[] cells = csv.get(e).split(",", -1);
            assertEquals(3, cells.length, csv.get(e));
            assertEquals(String.valueOf(e), cells[0]);
            train[e - 1] = Double.parseDouble(cells[1]);
            assertTrue(train[e - 1] > 0 && Double.isFinite(train[e - 1]), csv.get(e));
        }
        assertTrue(train[0] > train[1] && train[1] > train[2], "the training loss falls: " + csv);

        // loss.png: a PNG (its 8-byte signature, then the IHDR chunk) of 800×500 pixels that decodes.
        byte[] png = Files.readAllBytes(run.resolve("loss.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.util.Arrays.copyOf(png, 8));
        assertEquals("IHDR", new String(png, 12, 4, java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(png, 16, 8);
        assertEquals(800, header.getInt());
        assertEquals(500, header.getInt());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(run.resolve("loss.png").toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());

        // checkpoint.bkpt loads (checksum and validation), holds the three epochs the CSV shows, and generates.
        org.bookcheck.model.Checkpoint checkpoint = org.bookcheck.model.CheckpointFile.load(run.resolve("checkpoint.bkpt"));
        assertEquals(3, checkpoint.epochsCompleted());
        assertEquals(3, checkpoint.history().size());
        for (int e = 0; e < 3; e++) {
            assertEquals(e + 1, checkpoint.history().get(e).epoch());
            assertEquals(train[e], checkpoint.history().get(e).trainLoss(), 5e-7, "epoch " + (e + 1));
        }
        Cli.Run generated = Cli.run("generate", "--checkpoint", run.resolve("checkpoint.bkpt").toString(), "--prompt", "The", "--tokens", "3");
        assertEquals(0, generated.exit(), generated::toString);
        assertTrue(generated.out().startsWith("The"), generated.out());
    }

    @Test
    void resumeContinuesAndNanStopsWithTheLastGoodCheckpointKept() throws IOException {
        assertEquals(0, train("--epochs", "1").exit());
        Path checkpoint = dir.resolve("run/checkpoint.bkpt");
        byte[] good = Files.readAllBytes(checkpoint);
        Cli.Run r = train("--resume", "--epochs", "3", "--optimizer", "sgd", "--lr", "1e30", "--clip", "0");
        assertBadInput(r, "the last good checkpoint (epoch 1) is kept");
        assertTrue(r.err().contains("became NaN") || r.err().contains("became Infinity"), r.err());
        assertArrayEquals(good, Files.readAllBytes(checkpoint));

        Cli.Run resumed = train("--resume", "--epochs", "2");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("resuming after epoch 1 of 2") && resumed.out().contains("epoch 2/2"), resumed.out());
    }

    @Test
    void aConfigurationFileSetsFieldsOnTopOfANamedBase() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"base\": \"tiny\", \"channels\": 8, \"heads\": 2, \"layers\": 1, \"epochs\": 1}");
        Cli.Run r = Cli.run("train", "--config", config.toString(), "--no-progress", "--out", dir.resolve("run").toString(),
                corpus(TEXT.repeat(8)).toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("word tokens, T=8 C=8 heads=2 layers=1"), r.out());

        Files.writeString(config, "{\"base\": \"tiny\", \"chanels\": 8}");
        assertBadInput(Cli.run("train", "--config", config.toString(), "--out", dir.resolve("other").toString(),
                dir.resolve("corpus.txt").toString()), "unknown configuration field \"chanels\"");
        assertFalse(Files.exists(dir.resolve("other")));
    }

    @Test
    void unknownConfigurationName() throws IOException {
        Cli.Run r = Cli.run("train", "--config", "huge", "--out", dir.resolve("run").toString(), corpus(TEXT).toString());
        assertBadInput(r, "unknown configuration \"huge\"; the named ones are tiny, small, medium");
        assertFalse(Files.exists(dir.resolve("run")), "nothing written");
    }

    @Test
    void emptyCorpus() throws IOException {
        corpus("  \n");
        assertBadInput(train(), "the corpus is empty");
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void corpusSmallerThanOneSequence() throws IOException {
        corpus("The cat sat.");
        assertBadInput(train(), "fewer than one sequence of 8 tokens");
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void nonPositiveSizes() throws IOException {
        assertBadInput(train("--batch", "0"), "batch size must be a positive whole number, got 0");
        assertBadInput(train("--epochs", "-2"), "epochs must be a positive whole number, got -2");
        assertBadInput(train("--context", "0"), "context length must be a positive whole number, got 0");
        assertBadInput(train("--threads", "0"), "--threads must be a positive whole number");
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void checkpointFromAnotherConfiguration() throws IOException {
        assertEquals(0, train("--epochs", "1").exit());
        byte[] good = Files.readAllBytes(dir.resolve("run/checkpoint.bkpt"));
        assertBadInput(train("--resume", "--channels", "32", "--epochs", "2"), "the checkpoint is from another configuration");
        assertArrayEquals(good, Files.readAllBytes(dir.resolve("run/checkpoint.bkpt")), "nothing overwritten");
    }

    @Test
    void corruptCheckpoint() throws IOException {
        assertEquals(0, train("--epochs", "1").exit());
        Path checkpoint = dir.resolve("run/checkpoint.bkpt");
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length - 40] ^= 0x10;
        Files.write(checkpoint, bytes);
        assertBadInput(train("--resume", "--epochs", "2"), "is corrupt: its SHA-256 checksum does not match");
        assertArrayEquals(bytes, Files.readAllBytes(checkpoint), "nothing overwritten");
    }

    @Test
    void aFreshRunDoesNotOverwriteAnotherRun() throws IOException {
        assertEquals(0, train("--epochs", "1").exit());
        byte[] good = Files.readAllBytes(dir.resolve("run/checkpoint.bkpt"));
        assertBadInput(train("--epochs", "1"), "already holds checkpoint.bkpt of another run; use --resume");
        assertArrayEquals(good, Files.readAllBytes(dir.resolve("run/checkpoint.bkpt")));
    }

    @Test
    void aModelTooLargeForMemoryIsBadInputNotAnInternalError() throws IOException {
        Cli.Run huge = train("--channels", "1000000000", "--heads", "1");
        assertBadInput(huge, "parameters; bookcheck trains at most 100,000,000");
        assertTrue(huge.err().contains("T=8 C=1000000000 heads=1 layers=2 would have"), huge.err());
        assertBadInput(train("--batch", "100000", "--context", "8"), "activations; bookcheck allows at most 400,000,000");
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void anOutThatCannotHoldTheRunIsRefusedBeforeTheFirstStep() throws IOException {
        Path file = dir.resolve("run");
        Files.writeString(file, "not a folder");
        Cli.Run r = train("--epochs", "1");
        assertBadInput(r, "--out " + file + " is a plain file; give a folder");
        assertFalse(r.out().contains("epoch 1/1"), "no epoch was spent: " + r.out());
        assertEquals("not a folder", Files.readString(file));

        Path deep = dir.resolve("no/such/parent");
        assertBadInput(Cli.run("train", "--config", "tiny", "--no-progress", "--out", deep.toString(), dir.resolve("corpus.txt").toString()),
                "does not exist; bookcheck creates only the last folder of --out");
        assertFalse(Files.exists(dir.resolve("no")));
        assertBadInput(Cli.run("train", "--config", "tiny", "--no-progress", "--out", "/proc/bookcheck-run", dir.resolve("corpus.txt").toString()),
                "/proc/bookcheck-run");
    }

    @Test
    void aFreshRunReplacesNoLossesOrPlotOfAnotherRunWithoutForceAndKeepsTheirMode() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("losses.csv"), "epoch,train_loss,held_out_loss\n1,9.0,\n");
        Files.setPosixFilePermissions(run.resolve("losses.csv"), PosixFilePermissions.fromString("rw-rw----"));
        assertBadInput(train("--epochs", "1"), "already holds losses.csv of another run");
        assertEquals("epoch,train_loss,held_out_loss\n1,9.0,\n", Files.readString(run.resolve("losses.csv")));
        Files.writeString(run.resolve("loss.png"), "an old plot");
        Files.delete(run.resolve("losses.csv"));
        assertBadInput(train("--epochs", "1"), "already holds loss.png of another run");
        Files.writeString(run.resolve("losses.csv"), "old");
        Files.setPosixFilePermissions(run.resolve("losses.csv"), PosixFilePermissions.fromString("rw-rw----"));

        Cli.Run forced = train("--epochs", "1", "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(run.resolve("losses.csv")).startsWith("epoch,train_loss,held_out_loss\n1,"));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("losses.csv"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("checkpoint.bkpt"))));
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedOnTheNextStart() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        // Process ids on Linux stay below 2^22, so no process has this one: its writer is dead.
        Path stale = Files.writeString(run.resolve(".checkpoint.bkpt.999999999.123.bookcheck-tmp"), "half a checkpoint");
        assertEquals(0, train("--epochs", "1").exit());
        assertFalse(Files.exists(stale));
        try (var left = Files.list(run)) {
            assertEquals(List.of("checkpoint.bkpt", "loss.png", "losses.csv"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
