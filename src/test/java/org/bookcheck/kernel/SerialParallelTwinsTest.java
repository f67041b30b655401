package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every multithreaded kernel gives the same bits on 1 thread and on 3 (an odd split, every loop
 * split however small), on both paths: the guarantee behind bit-identical training for any thread
 * count. The kernels are discovered by reflection, so a new one without a twin check fails; the pairs
 * compared are counted.
 */
class SerialParallelTwinsTest {

    /** Odd sizes, so chunks end mid-vector and mid-block wherever a split is not aligned. */
    private static final int B = 3;
    private static final int T = 11;
    private static final int C = 36;
    private static final int H = 3;
    private static final int V = 53;

    @AfterEach
    void restore() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        Parallel.setMinWork(Parallel.DEFAULT_MIN_WORK);
    }

    /** Each kernel as a function from fixed random inputs to all the arrays it writes. */
    private static Map<String, Supplier<List<float[]>>> kernels() {
        Map<String, Supplier<List<float[]>>> k = new LinkedHashMap<>();
        int bt = B * T;
        k.put("MatmulKernels.matmul", () -> {
            float[] c = new float[bt * 3 * C];
            MatmulKernels.matmul(c, data(1, bt * C), data(2, C * 3 * C), bt, C, 3 * C, false);
            return List.of(c);
        });
        k.put("MatmulKernels.matmulTransposedA", () -> {
            float[] c = new float[C * 3 * C];
            MatmulKernels.matmulTransposedA(c, data(1, bt * C), data(2, bt * 3 * C), C, bt, 3 * C, false);
            return List.of(c);
        });
        k.put("MatmulKernels.matmulTransposedB", () -> {
            float[] c = new float[bt * C];
            MatmulKernels.matmulTransposedB(c, data(1, bt * 3 * C), data(2, C * 3 * C), bt, 3 * C, C, false);
            return List.of(c);
        });
        k.put("LinearKernels.linear LinearKernels.linearBackward", () -> {
            float[] y = new float[bt * C];
            LinearKernels.linear(y, data(1, bt * C), data(2, C * C), data(3, C), bt, C, C);
            float[] dx = new float[bt * C];
            float[] dw = new float[C * C];
            float[] db = new float[C];
            LinearKernels.linearBackward(dx, dw, db, data(4, bt * C), data(1, bt * C), data(2, C * C), bt, C, C);
            return List.of(y, dx, dw, db);
        });
        k.put("ActivationKernels.add ActivationKernels.gelu ActivationKernels.geluBackward ActivationKernels.relu ActivationKernels.reluBackward", () -> {
            int n = bt * 4 * C;
            float[] sum = new float[n];
            float[] g = new float[n];
            float[] dg = new float[n];
            float[] r = new float[n];
            float[] dr = new float[n];
            ActivationKernels.add(sum, data(1, n), data(2, n), n);
            ActivationKernels.gelu(g, data(1, n), n);
            ActivationKernels.geluBackward(dg, data(1, n), data(2, n), n);
            ActivationKernels.relu(r, data(1, n), n);
            ActivationKernels.reluBackward(dr, data(1, n), data(2, n), n);
            return List.of(sum, g, dg, r, dr);
        });
        k.put("NormKernels.layerNorm NormKernels.layerNormBackward", () -> {
            float[] y = new float[bt * C];
            float[] mean = new float[bt];
            float[] rstd = new float[bt];
            NormKernels.layerNorm(y, mean, rstd, data(1, bt * C), data(2, C), data(3, C), bt, C);
            float[] dx = new float[bt * C];
            float[] dg = new float[C];
            float[] db = new float[C];
            NormKernels.layerNormBackward(dx, dg, db, data(4, bt * C), data(1, bt * C), data(2, C), mean, rstd, bt, C);
            return List.of(y, mean, rstd, dx, dg, db);
        });
        k.put("SoftmaxKernels.softmax SoftmaxKernels.softmaxBackward", () -> {
            float[] y = new float[bt * T];
            SoftmaxKernels.softmax(y, data(1, bt * T), bt, T, true);
            float[] dx = new float[bt * T];
            SoftmaxKernels.softmaxBackward(dx, y, data(2, bt * T), bt, T, true);
            return List.of(y, dx);
        });
        k.put("AttentionKernels.attention AttentionKernels.attentionBackward", () -> {
            float[] out = new float[bt * C];
            float[] att = new float[B * H * T * T];
            AttentionKernels.attention(out, att, new float[B * H * T * T], data(1, bt * 3 * C), B, T, C, H, true);
            float[] dqkv = new float[bt * 3 * C];
            AttentionKernels.attentionBackward(dqkv, new float[B * H * T * T], data(2, bt * C), data(1, bt * 3 * C),
                    att, B, T, C, H, true);
            return List.of(out, att, dqkv);
        });
        k.put("LossKernels.softmaxCrossEntropy LossKernels.softmaxCrossEntropyBackward", () -> {
            float[] p = new float[bt * V];
            float[] losses = new float[bt];
            int[] targets = new int[bt];
            float[] weights = data(3, bt);
            for (int i = 0; i < bt; i++) {
                targets[i] = (i * 7) % V;
            }
            LossKernels.softmaxCrossEntropy(p, losses, data(1, bt * V), targets, bt, V);
            float[] d = new float[bt * V];
            LossKernels.softmaxCrossEntropyBackward(d, p, targets, weights, bt, V);
            return List.of(p, losses, d);
        });
        k.put("EmbeddingKernels.embed EmbeddingKernels.embedBackward", () -> {
            int[] tokens = new int[bt];
            for (int i = 0; i < bt; i++) {
                tokens[i] = (i * 5) % 4; // few ids, so rows repeat and their gradients add up
            }
            float[] out = new float[bt * C];
            EmbeddingKernels.embed(out, tokens, data(1, V * C), data(2, T * C), B, T, C, V);
            float[] dwte = new float[V * C];
            float[] dwpe = new float[T * C];
            EmbeddingKernels.embedBackward(dwte, dwpe, data(3, bt * C), tokens, B, T, C);
            return List.of(out, dwte, dwpe);
        });
        k.put("OptimizerKernels.sgd OptimizerKernels.adamw OptimizerKernels.scale OptimizerKernels.sumOfSquares", () -> {
            int n = 10_007;
            float[] w1 = data(1, n);
            OptimizerKernels.sgd(w1, data(2, n), n, 0.1f);
            float[] w2 = data(1, n);
            float[] m = data(3, n);
            float[] v = data(4, n);
            for (int i = 0; i < n; i++) {
                v[i] = Math.abs(v[i]);
            }
            OptimizerKernels.adamw(w2, data(2, n), m, v, n, 1e-2f, 0.9f, 0.999f, 1e-8f, 0.01f, 3);
            float[] g = data(2, n);
            OptimizerKernels.scale(g, n, 0.5f);
            float[] norm = {(float) OptimizerKernels.sumOfSquares(data(2, n), n)};
            return List.of(w1, w2, m, v, g, norm);
        });
        k.put("ActivationKernels.accumulate", () -> {
            int n = bt * 4 * C;
            float[] out = data(1, n);
            ActivationKernels.accumulate(out, data(2, n), n);
            return List.of(out);
        });
        k.put("LinearKernels.columnSums", () -> {
            float[] sums = data(1, 3 * C);
            LinearKernels.columnSums(sums, data(2, bt * 3 * C), bt, 3 * C);
            return List.of(sums);
        });
        k.put("MatmulKernels.gemm", () -> {
            // C (5×7, leading dimension 9, from offset 2) += Aᵀ·Bᵀ read through strides from offsets 1 and 3.
            float[] c = data(3, 2 + 5 * 9);
            MatmulKernels.gemm(5, 7, 11, data(1, 1 + 11 * 5), 1, 1, 5, data(2, 3 + 7 * 11), 3, 1, 11, c, 2, 9, true);
            return List.of(c);
        });
        k.put("MatmulKernels.transpose", () -> {
            float[] dst = new float[2 + 37 * 35];
            MatmulKernels.transpose(data(1, 1 + 35 * 40), 1, 35, 37, 40, dst, 2, 35);
            return List.of(dst);
        });
        return k;
    }

    /**
     * Every kernel of the package, found by reflection as EJML's CheckMultiThreadAgainstSingleThread finds its
     * twins: the public static methods over arrays of the public *Kernels classes, less the deprecated overloads
     * (each only calls its current form, which is compared). A new kernel is missing from {@link #kernels} until
     * a twin check is written for it.
     */
    private static java.util.SortedSet<String> discoveredKernels() throws Exception {
        java.util.SortedSet<String> found = new java.util.TreeSet<>();
        Path folder = Path.of(Parallel.class.getResource("Parallel.class").toURI()).getParent();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith("Kernels.class")) {
                    continue;
                }
                Class<?> type = Class.forName(Parallel.class.getPackageName() + "." + name.substring(0, name.length() - ".class".length()));
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    boolean overArrays = java.util.Arrays.stream(m.getParameterTypes()).anyMatch(Class::isArray);
                    if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && overArrays
                            && !m.isAnnotationPresent(Deprecated.class)) {
                        found.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyKernelOfThePackageHasATwinCheck() throws Exception {
        java.util.SortedSet<String> checked = new java.util.TreeSet<>();
        kernels().keySet().forEach(key -> checked.addAll(List.of(key.split(" "))));
        java.util.SortedSet<String> discovered = discoveredKernels();
        // The package's nine *Kernels classes hold at least the 28 kernels the model is built from.
        assertTrue(discovered.size() >= 28, discovered::toString);
        assertEquals(discovered, checked, "kernels without a twin check, or checks of kernels that are gone");
    }

    private static float[] data(int seed, int n) {
        return Check.random(new SplittableRandom(seed), n, 2);
    }

    @Test
    void everyKernelGivesTheSameBitsOnOneAndThreeThreads() {
        int pairs = 0;
        List<String> compared = new ArrayList<>();
        for (KernelPath path : KernelPath.values()) {
            for (Map.Entry<String, Supplier<List<float[]>>> kernel : kernels().entrySet()) {
                List<float[]>[] results = runOnBoth(path, kernel.getValue());
                assertEquals(results[0].size(), results[1].size());
                for (int i = 0; i < results[0].size(); i++) {
                    assertArrayEquals(results[0].get(i), results[1].get(i), kernel.getKey() + " output " + i + " on the " + path + " path");
                    pairs++;
                }
                compared.add(kernel.getKey());
            }
        }
        // Both paths, every check, every array each writes (kernels() is checked against the package by reflection).
        int outputs = kernels().values().stream().mapToInt(kernel -> kernel.get().size()).sum();
        assertEquals(KernelPath.values().length * kernels().size(), compared.size(), "kernels compared: " + compared);
        assertEquals(KernelPath.values().length * outputs, pairs, "output arrays compared");
    }

    @SuppressWarnings("unchecked")
    private static List<float[]>[] runOnBoth(KernelPath path, Supplier<List<float[]>> kernel) {
        List<float[]>[] out = new List[2];
        path.run(() -> {
            Parallel.setMinWork(0);
            Parallel.setThreads(1);
            out[0] = kernel.get();
            Parallel.setThreads(3);
            out[1] = kernel.get();
        });
        return out;
    }
}
