package org.bookcheck.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookcheck.io.AtomicFiles;

/**
 * Reads and writes checkpoints. Layout: the 8 bytes {@code BKCKPT01}, a 4-byte header length, the
 * header as JSON (configuration, vocabulary, progress), the parameter tensors in layout order as
 * little-endian float32, AdamW's m and v likewise when present, and last a SHA-256 of everything
 * before it. A save writes a temporary file beside the target, forces it to disk and renames it
 * over the target in one atomic step, so a crash leaves the previous checkpoint intact.
 */
public final class CheckpointFile {

    private static final byte[] MAGIC = "BKCKPT01".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    /** Weights and both AdamW moments of the largest model allowed, with room for the header. */
    static final long MAX_FILE_BYTES = 3 * 4 * ModelConfig.MAX_PARAMETERS + (64L << 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFile() {
    }

    /** Writes the checkpoint to {@code target} atomically, keeping the permissions of the checkpoint it replaces. */
    public static void save(Checkpoint c, Path target) throws IOException {
        AtomicFiles.write(target, true, raw -> {
            MessageDigest digest = sha256();
            OutputStream out = new DigestOutputStream(raw, digest);
            byte[] header = JSON.writeValueAsBytes(header(c));
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(header.length).array());
            out.write(header);
            writeTensors(out, c.parameters());
            writeTensors(out, c.firstMoments());
            writeTensors(out, c.secondMoments());
            out.flush();
            raw.write(digest.digest());
        });
    }

    /** Reads and verifies a checkpoint; throws {@link CheckpointException} with a clear message. */
    public static Checkpoint load(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new CheckpointException(Files.exists(file) ? "the checkpoint " + file + " is not a plain file (a folder, FIFO or"
                        + " device); give the checkpoint.bkpt that bookcheck train wrote"
                        : "cannot read the checkpoint " + file + ": it does not exist");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new CheckpointException("the checkpoint " + file + " has " + size + " bytes, more than a model within"
                        + " bookcheck's limits can need (" + MAX_FILE_BYTES + "); it is not a bookcheck checkpoint");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint " + file + ": " + e.getMessage());
        }
        if (bytes.length < MAGIC.length + 4 + DIGEST_BYTES
                || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new CheckpointException(file + " is not a bookcheck checkpoint (it does not start with "
                    + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
        }
        int body = bytes.length - DIGEST_BYTES;
        MessageDigest digest = sha256();
        digest.update(bytes, 0, body);
        if (!Arrays.equals(digest.digest(), Arrays.copyOfRange(bytes, body, bytes.length))) {
            throw new CheckpointException("the checkpoint " + file
                    + " is corrupt: its SHA-256 checksum does not match its contents (truncated or changed after it was written)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, body).order(ByteOrder.LITTLE_ENDIAN);
        in.position(MAGIC.length);
        int headerLength = in.getInt();
        if (headerLength < 0 || headerLength > in.remaining()) {
            throw new CheckpointException("the checkpoint " + file + " is corrupt: bad header length " + headerLength);
        }
        Map<String, Object> header;
        try {
            header = readHeader(bytes, in.position(), headerLength);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("the checkpoint " + file + " has an unreadable header: " + e.getMessage());
        }
        in.position(in.position() + headerLength);
        try {
            return body(file, header, in);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | IndexOutOfBoundsException
                | ArithmeticException e) {
            throw new CheckpointException("the checkpoint " + file + " has an invalid header: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readHeader(byte[] bytes, int offset, int length) throws IOException {
        return JSON.readValue(bytes, offset, length, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Checkpoint body(Path file, Map<String, Object> h, ByteBuffer in) {
        if (!(h.get("config") instanceof Map<?, ?> configMap)) {
            throw new CheckpointException("the checkpoint " + file + " has no configuration (the header's \"config\" is "
                    + (h.containsKey("config") ? "not an object" : "missing") + "); it was not written by bookcheck train");
        }
        List<String> missing = new ArrayList<>(TrainingConfigJson.toMap(Presets.named("small")).keySet());
        missing.removeAll(configMap.keySet());
        if (!missing.isEmpty()) {
            throw new CheckpointException("the checkpoint " + file + " has an incomplete configuration: " + String.join(", ", missing)
                    + " missing; it was not written by bookcheck train");
        }
        TrainingConfig config = TrainingConfigJson.fromMap((Map<String, Object>) configMap, Presets.named("small"));
        Tokenizer tokenizer = switch (config.tokenizer()) {
            case WORD -> {
                if (!(h.get("vocabulary") instanceof List<?> words) || words.isEmpty()
                        || !words.stream().allMatch(w -> w instanceof String)) {
                    throw new CheckpointException("the checkpoint " + file + " uses word tokens but its header has no vocabulary"
                            + " (a list of words)");
                }
                yield new WordTokenizer((List<String>) words);
            }
            case BYTE -> new ByteTokenizer();
        };
        ParameterLayout layout = new ParameterLayout(config.model(tokenizer.vocabSize()));
        boolean moments = Boolean.TRUE.equals(h.get("moments"));
        long expected = 4L * layout.size() * (moments ? 3 : 1);
        if (in.remaining() != expected) {
            throw new CheckpointException("the checkpoint " + file + " holds " + in.remaining() + " bytes of tensors, but its "
                    + "configuration (" + config.describeArchitecture() + ") needs " + expected);
        }
        int epochs = counter(file, h, "epochsCompleted");
        int steps = counter(file, h, "optimizerSteps");
        if (!(h.get("corpusDigest") instanceof String digest) || digest.isBlank()) {
            throw new CheckpointException("the checkpoint " + file + " has no corpus digest in its header");
        }
        if (!(h.get("history") instanceof List<?> rows) || rows.size() != epochs) {
            throw new CheckpointException("the checkpoint " + file + " says it completed " + epochs + " epochs but its loss history"
                    + " has " + (h.get("history") instanceof List<?> r ? r.size() + " rows" : "no rows"));
        }
        List<EpochLoss> history = new ArrayList<>();
        for (Object o : rows) {
            List<Object> row = (List<Object>) o;
            history.add(new EpochLoss(((Number) row.get(0)).intValue(), ((Number) row.get(1)).doubleValue(),
                    row.get(2) == null ? Double.NaN : ((Number) row.get(2)).doubleValue()));
        }
        float[][] params = readTensors(in, layout);
        float[][] m = moments ? readTensors(in, layout) : new float[0][];
        float[][] v = moments ? readTensors(in, layout) : new float[0][];
        requireFinite(file, "weight", params, layout, false);
        requireFinite(file, "first moment", m, layout, false);
        requireFinite(file, "second moment", v, layout, true);
        return new Checkpoint(config, tokenizer, digest, epochs, steps, history, params, m, v);
    }

    /** A counter of the header: a whole number ≥ 0. */
    private static int counter(Path file, Map<String, Object> h, String key) {
        Object value = h.get(key);
        if (!(value instanceof Integer n) || n < 0) {
            throw new CheckpointException("the checkpoint " + file + " has " + key + " " + value + " in its header; it must be a"
                    + " whole number ≥ 0");
        }
        return n;
    }

    /** Every weight and moment finite (and second moments ≥ 0): a NaN would make every later output garbage. */
    private static void requireFinite(Path file, String what, float[][] tensors, ParameterLayout layout, boolean nonNegative) {
        for (ParameterTensor t : layout.tensors()) {
            if (t.index() >= tensors.length) {
                return;
            }
            float[] a = tensors[t.index()];
            for (int i = 0; i < a.length; i++) {
                if (!Float.isFinite(a[i]) || (nonNegative && a[i] < 0)) {
                    throw new CheckpointException("the checkpoint " + file + " has an invalid " + what + " " + a[i] + " in tensor "
                            + t.name() + " at index " + i + "; a checkpoint written by bookcheck train never does (the file was"
                            + " changed, or the run it saved had diverged)");
                }
            }
        }
    }

    private static Map<String, Object> header(Checkpoint c) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("config", TrainingConfigJson.toMap(c.config()));
        if (c.tokenizer() instanceof WordTokenizer w) {
            h.put("vocabulary", w.vocabulary());
        }
        h.put("corpusDigest", c.corpusDigest());
        h.put("epochsCompleted", c.epochsCompleted());
        h.put("optimizerSteps", c.optimizerSteps());
        List<List<Object>> history = new ArrayList<>();
        for (EpochLoss e : c.history()) {
            history.add(Arrays.asList(e.epoch(), e.trainLoss(), Double.isNaN(e.heldOutLoss()) ? null : e.heldOutLoss()));
        }
        h.put("history", history);
        h.put("moments", c.firstMoments().length > 0);
        return h;
    }

    private static void writeTensors(OutputStream out, float[][] tensors) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] t : tensors) {
            for (float x : t) {
                if (buf.remaining() < 4) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(x);
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static float[][] readTensors(ByteBuffer in, ParameterLayout layout) {
        float[][] out = new float[layout.tensors().size()][];
        for (ParameterTensor t : layout.tensors()) {
            float[] a = new float[t.size()];
            in.asFloatBuffer().get(a);
            in.position(in.position() + 4 * a.length);
            out[t.index()] = a;
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of a token stream in hex, to tell whether a resumed run trains on the same corpus. */
    public static String digest(int[] tokens) {
        MessageDigest d = sha256();
        ByteBuffer buf = ByteBuffer.allocate(4 * tokens.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(tokens);
        d.update(buf.array());
        return java.util.HexFormat.of().formatHex(d.digest());
    }
}
