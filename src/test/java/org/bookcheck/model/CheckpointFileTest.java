package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints survive a round trip and refuse to load when damaged. */
class CheckpointFileTest {

    @TempDir
    Path dir;

    private Checkpoint sample() {
        ModelFixtures.Case k = ModelFixtures.randomCase(5, 1);
        TrainingConfig config = Presets.named("tiny").withEpochs(2);
        OptimizerState optimizer = new OptimizerState(config.optimizer(), k.model().layout());
        k.model().forward(k.inputs(), k.targets(), 1, k.length());
        k.model().backward();
        optimizer.step(k.model());
        return Checkpoint.of(config, new WordTokenizer(List.of("a", "b", "c", ".", "d")), "digest", 1,
                List.of(new EpochLoss(1, 1.5, Double.NaN)), k.model(), optimizer);
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        Checkpoint c = sample();
        Path file = dir.resolve("c.bkpt");
        CheckpointFile.save(c, file);
        Checkpoint back = CheckpointFile.load(file);
        assertEquals(c.config(), back.config());
        assertEquals(((WordTokenizer) c.tokenizer()).vocabulary(), ((WordTokenizer) back.tokenizer()).vocabulary());
        assertEquals(c.history(), back.history());
        assertEquals(c.optimizerSteps(), back.optimizerSteps());
        assertEquals(1, back.epochsCompleted());
        for (int i = 0; i < c.parameters().length; i++) {
            assertArrayEquals(c.parameters()[i], back.parameters()[i]);
            assertArrayEquals(c.firstMoments()[i], back.firstMoments()[i]);
            assertArrayEquals(c.secondMoments()[i], back.secondMoments()[i]);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aChangedByteIsReportedAsCorrupt() throws IOException {
        Path file = dir.resolve("c.bkpt");
        CheckpointFile.save(sample(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.load(file));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedAsCorrupt() throws IOException {
        Path file = dir.resolve("c.bkpt");
        CheckpointFile.save(sample(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.load(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void anotherFileIsNotACheckpoint() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "The cat sat on the mat. ".repeat(10));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.load(file));
        assertTrue(e.getMessage().contains("not a bookcheck checkpoint"), e.getMessage());
    }

    /**
     * A checkpoint whose header was changed by {@code edit} and whose checksum was then recomputed, as a
     * crafted file would be: the checksum alone cannot catch it.
     */
    private Path crafted(java.util.function.UnaryOperator<byte[]> tensors, java.util.function.Consumer<Map<String, Object>> edit)
            throws IOException {
        Path file = dir.resolve("crafted.bkpt");
        CheckpointFile.save(sample(), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = in.getInt(8);
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> header = json.readValue(bytes, 12, headerLength, Map.class);
        edit.accept(header);
        byte[] newHeader = json.writeValueAsBytes(header);
        byte[] body = tensors.apply(Arrays.copyOfRange(bytes, 12 + headerLength, bytes.length - 32));
        ByteBuffer out = ByteBuffer.allocate(12 + newHeader.length + body.length + 32).order(ByteOrder.LITTLE_ENDIAN);
        out.put(bytes, 0, 8).putInt(newHeader.length).put(newHeader).put(body);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(out.array(), 0, out.position());
            out.put(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        Files.write(file, out.array());
        return file;
    }

    private String refusal(Path file) {
        return assertThrows(CheckpointException.class, () -> CheckpointFile.load(file)).getMessage();
    }

    @Test
    void craftedWithAValidChecksumButANanWeightIsRefused() throws IOException {
        Path file = crafted(body -> {
            ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * 3, Float.NaN);
            return body;
        }, h -> { });
        String m = refusal(file);
        assertTrue(m.contains("invalid weight NaN in tensor wte at index 3"), m);
    }

    @Test
    void craftedNegativeCountersAreRefused() throws IOException {
        String m = refusal(crafted(b -> b, h -> h.put("epochsCompleted", -5)));
        assertTrue(m.contains("epochsCompleted -5") && m.contains("whole number ≥ 0"), m);
        m = refusal(crafted(b -> b, h -> h.put("optimizerSteps", -1)));
        assertTrue(m.contains("optimizerSteps -1"), m);
    }

    @Test
    void craftedHeaderWithoutConfigIsAClearMessageNotANullPointer() throws IOException {
        String m = refusal(crafted(b -> b, h -> h.remove("config")));
        assertTrue(m.contains("has no configuration") && m.contains("missing"), m);
        assertFalse(m.contains("null"), m);
        m = refusal(crafted(b -> b, h -> ((Map<?, ?>) h.get("config")).remove("channels")));
        assertTrue(m.contains("incomplete configuration: channels missing"), m);
    }

    @Test
    void craftedHugeSizesAreRefusedBeforeAnythingIsAllocated() throws IOException {
        @SuppressWarnings("unchecked")
        String m = refusal(crafted(b -> b, h -> ((Map<String, Object>) h.get("config")).put("channels", 1_000_000_000)));
        assertTrue(m.contains("parameters; bookcheck trains at most 100,000,000"), m);
        m = refusal(crafted(b -> b, h -> h.put("history", List.of())));
        assertTrue(m.contains("completed 1 epochs but its loss history has 0 rows"), m);
    }

    @Test
    void savingKeepsTheModeOfTheCheckpointItReplaces() throws IOException {
        Path file = dir.resolve("c.bkpt");
        CheckpointFile.save(sample(), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        CheckpointFile.save(sample(), file);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFolderOrAMissingFileIsAClearMessageAndNothingIsReadFromASpecialFile() throws IOException {
        String m = refusal(dir);
        assertTrue(m.contains("is not a plain file"), m);
        m = refusal(dir.resolve("none.bkpt"));
        assertTrue(m.contains("cannot read the checkpoint " + dir.resolve("none.bkpt") + ": it does not exist"), m);
        m = refusal(Path.of("/dev/zero"));
        assertTrue(m.contains("is not a plain file"), m);
    }
}
